/**
 * The values FactSpan works with: documents, annotations, labels and the offset rules ({@link org.factspan.model.Span}).
 * Depends on nothing but the JDK.
 */
package org.factspan.model;
