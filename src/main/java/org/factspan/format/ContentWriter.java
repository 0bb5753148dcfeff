package org.factspan.format;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.factspan.format.FactSpanJsonReader.Position;
import org.factspan.model.Annotation;
import org.factspan.model.Comment;
import org.factspan.model.Document;
import org.factspan.model.FactSpanException;
import org.factspan.model.Label;
import org.factspan.model.Link;
import org.factspan.model.LinkType;
import org.factspan.model.ProjectContent;
import org.factspan.model.ProjectContent.DocumentContent;
import org.factspan.model.Provenance;
import org.factspan.store.DefaultLabels;
import org.factspan.store.ProjectStore;

/**
 * Merges {@link ProjectContent} read from a file into a project; the one place that decides what an import adds,
 * whatever format it was read from. Call it inside one {@link ProjectStore#inTransaction}, so that a refusal leaves the
 * project as it was: {@link #write} does.
 *
 * <p><b>Merging.</b> Labels the project lacks are added; a label it has keeps the project's colour and key. A document
 * whose text (SHA-256) the project already holds is merged: its annotations attach to the project's document. Any other
 * document is added with its id from the file and its imported time. An annotation whose id the project holds with the
 * same content is skipped, so importing a file twice changes nothing; one whose id the project holds with other
 * content is refused. An annotation with a new id but the label and offsets of one the project has on that document is
 * skipped too: the project keeps its own. A comment whose id the document has is skipped.
 *
 * <p><b>Refusals.</b> What the project could not hold exactly as the file has it - a document id the project uses for
 * another text, an annotation's label neither the file nor the project has, an id the project uses for other content -
 * is refused with a {@link FactSpanException} naming the file, the document and the annotation.
 *
 * <p><b>Speed.</b> Per document: one query for the annotations the project already has with the file's ids, one for
 * the positions taken (only on a document the project had), and one batch of inserts; everything else is decided in
 * memory. Documents are written as they come, so a reader may stream them ({@link FactSpanJsonReader.Sink}).
 */
public final class ContentWriter implements FactSpanJsonReader.Sink {

    private final ProjectStore store;
    private final String name;
    private final Set<String> labels = new HashSet<>();
    private int labelsAdded;
    private int documentsAdded;
    private int documentsMerged;
    private int annotationsAdded;
    private int annotationsUnchanged;
    private int annotationsDuplicate;
    private int linksAdded;

    /** @param name names the file in messages, usually its path */
    public ContentWriter(ProjectStore store, String name) {
        this.store = store;
        this.name = name;
    }

    /** Merges all of {@code content} into {@code store} in one transaction; nothing is written if it is refused. */
    public static ImportResult write(ProjectContent content, String name, ProjectStore store) {
        ContentWriter writer = new ContentWriter(store, name);
        store.inTransaction(() -> {
            writer.labels(content.labels());
            writer.linkTypes(content.linkTypes());
            content.documents().forEach(writer::document);
        });
        return writer.result();
    }

    /**
     * {@code content} as a new project would hold it once this writer had stored it there, without a project: the
     * default labels followed by the file's other labels, one document per text holding the annotations of every copy
     * of it in the file (one at a position the text already has is skipped, as a merge skips it), each document's
     * annotations in reading order as a project returns them. Refused, in the same words, where that import would be.
     * A review reads a colleague's file this way.
     */
    public static ProjectContent asNewProject(ProjectContent content, String name) {
        Set<String> labels = new LinkedHashSet<>();
        DefaultLabels.get().forEach(label -> labels.add(label.name()));
        List<Label> all = new ArrayList<>(DefaultLabels.get());
        content.labels().stream().filter(label -> labels.add(label.name())).forEach(all::add);
        Map<String, Merged> bySha256 = new LinkedHashMap<>();
        Map<String, Document> byId = new HashMap<>();
        for (DocumentContent read : content.documents()) {
            Document document = read.document();
            String where = "In " + name + ", document " + documentName(document);
            Merged merged = bySha256.get(document.sha256());
            if (merged == null) {
                Document other = byId.putIfAbsent(document.id(), document);
                if (other != null) {
                    throw new FactSpanException(where + ": The project already has a different document with the id "
                            + document.id() + " (\"" + document.title() + "\").");
                }
                merged = new Merged(document);
                bySha256.put(document.sha256(), merged);
            }
            for (Annotation annotation : read.annotations()) {
                requireLabel(labels, annotation, where);
                merged.add(annotation, read.provenance().get(annotation.id()));
            }
            read.comments().forEach(merged::add);
        }
        return new ProjectContent(all, bySha256.values().stream().map(Merged::content).toList());
    }

    /** One document of {@link #asNewProject} as its copies in the file are merged into it. */
    private static final class Merged {

        private final Document document;
        private final Set<Position> positions = new HashSet<>();
        private final List<Annotation> annotations = new ArrayList<>();
        private final Map<String, Provenance> provenance = new HashMap<>();
        private final Map<String, Comment> comments = new LinkedHashMap<>();

        Merged(Document document) {
            this.document = document;
        }

        void add(Annotation annotation, Provenance accepted) {
            if (positions.add(Position.of(annotation))) {
                annotations.add(onto(annotation, document));
                if (accepted != null) {
                    provenance.put(annotation.id(), accepted);
                }
            }
        }

        void add(Comment comment) {
            comments.putIfAbsent(comment.id(), onto(comment, document));
        }

        DocumentContent content() {
            annotations.sort(Annotation.READING_ORDER);
            return new DocumentContent(document, annotations, provenance, List.copyOf(comments.values()));
        }
    }

    private static void requireLabel(Set<String> labels, Annotation annotation, String documentWhere) {
        if (!labels.contains(annotation.label())) {
            throw new FactSpanException(documentWhere + ", annotation " + FactSpanJsonReader.abbreviate(annotation.id())
                    + " has the label \"" + FactSpanJsonReader.abbreviate(annotation.label())
                    + "\", which neither the file's labels nor the project has.");
        }
    }

    /** {@code annotation} on {@code document}, the project's document of its text. */
    private static Annotation onto(Annotation annotation, Document document) {
        return annotation.documentId().equals(document.id()) ? annotation
                : new Annotation(annotation.id(), document.id(), annotation.label(), annotation.start(),
                        annotation.end(), annotation.quote(), annotation.annotator(), annotation.created(),
                        annotation.modified(), annotation.note());
    }

    private static Comment onto(Comment comment, Document document) {
        return new Comment(comment.id(), document.id(), comment.target(), comment.author(), comment.created(),
                comment.text());
    }

    /** What has been written so far. */
    public ImportResult result() {
        return new ImportResult(labelsAdded, documentsAdded, documentsMerged, annotationsAdded, annotationsUnchanged,
                annotationsDuplicate, linksAdded);
    }

    @Override
    public void labels(List<Label> fileLabels) {
        store.labels().forEach(label -> labels.add(label.name()));
        for (Label label : fileLabels) {
            if (labels.add(label.name())) {
                store.addLabel(label);
                labelsAdded++;
            }
        }
    }

    /** Link types the project lacks are added; one it has keeps the project's ends, as a label keeps its colour. */
    @Override
    public void linkTypes(List<LinkType> fileTypes) {
        Set<String> known = new HashSet<>();
        store.linkTypes().forEach(type -> known.add(type.name()));
        for (LinkType type : fileTypes) {
            if (known.add(type.name())) {
                try {
                    store.addLinkType(type);
                } catch (FactSpanException e) {
                    throw new FactSpanException("In " + name + ", link type " + type.name() + ": " + e.getMessage(), e);
                }
            }
        }
    }

    @Override
    public void document(DocumentContent content) {
        Document read = content.document();
        String where = "In " + name + ", document " + documentName(read);
        Optional<Document> existing = store.documentBySha256(read.sha256());
        Document document;
        Map<Position, String> inProject = new HashMap<>();
        if (existing.isPresent()) {
            document = existing.get();
            documentsMerged++;
            store.annotations(document.id()).forEach(a -> inProject.put(Position.of(a), a.id()));
        } else {
            try {
                document = store.addDocumentIfAbsent(read);
            } catch (FactSpanException e) {
                throw new FactSpanException(where + ": " + e.getMessage(), e);
            }
            documentsAdded++;
        }
        Map<String, String> keptInstead = writeAnnotations(content, document, inProject, where);
        writeComments(content.comments(), document);
        writeLinks(content.links(), document, keptInstead, where);
    }

    /**
     * Returns, for each annotation of the file skipped because the project has one at its label and offsets, the id
     * of the project's: links of the file to the skipped one join the project's instead.
     */
    private Map<String, String> writeAnnotations(DocumentContent content, Document document,
                                                 Map<Position, String> inProject, String documentWhere) {
        Map<String, String> keptInstead = new HashMap<>();
        Map<String, Annotation> known = store.annotationsWithIds(
                content.annotations().stream().map(Annotation::id).toList());
        List<Annotation> added = new ArrayList<>();
        Map<String, Provenance> provenance = new LinkedHashMap<>();
        for (Annotation read : content.annotations()) {
            requireLabel(labels, read, documentWhere);
            Annotation annotation = onto(read, document);
            Annotation stored = known.get(annotation.id());
            if (stored != null) {
                if (!stored.equals(annotation)) {
                    throw new FactSpanException(documentWhere + ", annotation " + FactSpanJsonReader.abbreviate(read.id())
                            + " differs from the project's annotation with that id (in its "
                            + differences(stored, annotation) + "); FactSpan does not overwrite it.");
                }
                annotationsUnchanged++;
            } else if (inProject.containsKey(Position.of(annotation))) {
                keptInstead.put(annotation.id(), inProject.get(Position.of(annotation)));
                annotationsDuplicate++;
            } else {
                added.add(annotation);
                Provenance accepted = content.provenance().get(annotation.id());
                if (accepted != null) {
                    provenance.put(annotation.id(), accepted);
                }
            }
        }
        try {
            store.insertAll(added);
        } catch (FactSpanException e) {
            throw new FactSpanException(documentWhere + ": " + e.getMessage(), e);
        }
        store.setProvenance(provenance);
        annotationsAdded += added.size();
        return keptInstead;
    }

    /**
     * A link whose id the project has with the same content is skipped; with other content, refused. One that joins
     * two annotations the project already joins by a link of its type is skipped: the project keeps its own.
     */
    private void writeLinks(List<Link> links, Document document, Map<String, String> keptInstead,
                            String documentWhere) {
        for (Link read : links) {
            Link link = new Link(read.id(), document.id(), read.type(), keptInstead.getOrDefault(read.from(),
                    read.from()), keptInstead.getOrDefault(read.to(), read.to()), read.annotator(), read.created(),
                    read.modified(), read.note());
            String where = documentWhere + ", link " + FactSpanJsonReader.abbreviate(read.id());
            Optional<Link> stored = store.link(link.id());
            if (stored.isPresent()) {
                if (!stored.get().equals(link)) {
                    throw new FactSpanException(where + " differs from the project's link with that id;"
                            + " FactSpan does not overwrite it.");
                }
                continue;
            }
            boolean joined = store.linksOf(link.from()).stream()
                    .anyMatch(l -> l.type().equals(link.type()) && l.from().equals(link.from()) && l.to().equals(link.to()));
            if (joined) {
                continue;
            }
            try {
                store.insert(link);
            } catch (FactSpanException e) {
                throw new FactSpanException(where + ": " + e.getMessage(), e);
            }
            linksAdded++;
        }
    }

    private void writeComments(List<Comment> comments, Document document) {
        if (comments.isEmpty()) {
            return;
        }
        Set<String> known = new HashSet<>();
        store.comments(document.id()).forEach(c -> known.add(c.id()));
        for (Comment comment : comments) {
            if (known.add(comment.id())) {
                store.putComment(onto(comment, document));
            }
        }
    }

    /** The document as the file's messages name it: its title and id as the file has them. */
    private static String documentName(Document document) {
        return "\"" + FactSpanJsonReader.abbreviate(document.title()) + "\" ("
                + FactSpanJsonReader.abbreviate(document.id()) + ")";
    }

    /** The fields in which two versions of one annotation differ, for the user to find the change. */
    private static String differences(Annotation project, Annotation file) {
        List<Function<Annotation, Object>> fields = List.of(Annotation::documentId, Annotation::label,
                Annotation::span, Annotation::quote, Annotation::annotator, Annotation::created,
                Annotation::modified, Annotation::note);
        List<String> names = List.of("document", "label", "offsets", "quote", "annotator", "created", "modified",
                "note");
        StringBuilder differing = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (!Objects.equals(fields.get(i).apply(project), fields.get(i).apply(file))) {
                differing.append(differing.isEmpty() ? "" : ", ").append(names.get(i));
            }
        }
        return differing.toString();
    }
}
