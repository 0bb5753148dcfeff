/**
 * Turning bytes into article text: decoding, line-end normalization and hashing. Depends on the model only.
 */
package org.factspan.text;
