package org.factspan.review;

import java.util.List;

import org.factspan.model.Annotation;
import org.factspan.model.Document;

/** One document of a {@link ReviewSide} with the annotations that side made on it, in the text's own offsets. */
public record SideDocument(Document document, List<Annotation> annotations) {

    public SideDocument {
        annotations = List.copyOf(annotations);
    }
}
