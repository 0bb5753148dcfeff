/**
 * Reading and writing the file formats of {@code docs/FORMATS.md}, one class per format and direction. Offsets in
 * every format are code points, as in the project. An import writes in one transaction, so a file it refuses leaves the
 * project as it was.
 */
package org.factspan.format;
