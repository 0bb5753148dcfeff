package org.factspan.model;

import java.util.List;
import java.util.Map;

/**
 * What a file of another project or tool holds, read into memory as FactSpan values and not yet in any project: its
 * labels and its documents, each with its annotations, provenance and comments. Every reader of a format produces
 * one, so that one writer merges any of them into a project and a review compares any of them, without a project in
 * between. Not to be confused with {@code store.Snapshot}, a consistent read view of a project file.
 *
 * <p>The values are as the file has them: ids, offsets, times and documents as written (a file may even hold one text
 * twice); only the checks a file can fail by itself have been made. Whether they fit a given project - a document id
 * it holds for another text, a label it lacks - is for the writer to decide.
 *
 * @param labels in the file's order
 * @param linkTypes in the file's order; empty where the file names none
 */
public record ProjectContent(List<Label> labels, List<LinkType> linkTypes, List<DocumentContent> documents) {

    public ProjectContent {
        labels = List.copyOf(labels);
        linkTypes = List.copyOf(linkTypes);
        documents = List.copyOf(documents);
    }

    /** Content without link types (a format that has none). */
    public ProjectContent(List<Label> labels, List<DocumentContent> documents) {
        this(labels, List.of(), documents);
    }

    /**
     * One document of a {@link ProjectContent}; its annotations and comments carry the document's id.
     *
     * @param provenance where annotations accepted in a review came from, by annotation id
     * @param links between the annotations of this document
     */
    public record DocumentContent(Document document, List<Annotation> annotations, Map<String, Provenance> provenance,
                                  List<Comment> comments, List<Link> links) {

        public DocumentContent {
            annotations = List.copyOf(annotations);
            provenance = Map.copyOf(provenance);
            comments = List.copyOf(comments);
            links = List.copyOf(links);
        }

        /** A document without links. */
        public DocumentContent(Document document, List<Annotation> annotations, Map<String, Provenance> provenance,
                               List<Comment> comments) {
            this(document, annotations, provenance, comments, List.of());
        }
    }
}
