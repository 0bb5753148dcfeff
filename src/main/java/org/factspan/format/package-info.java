/**
 * Reading and writing the file formats of {@code docs/FORMATS.md}, one class per format and direction. Offsets in
 * every format are code points, as in the project; an import checks everything before it changes the project, and
 * changes it in one transaction.
 */
package org.factspan.format;
