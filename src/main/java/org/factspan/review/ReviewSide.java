package org.factspan.review;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.factspan.format.ContentWriter;
import org.factspan.format.FactSpanJsonReader;
import org.factspan.format.FileKind;
import org.factspan.model.FactSpanException;
import org.factspan.model.Label;
import org.factspan.model.ProjectContent;
import org.factspan.store.DocumentSummary;
import org.factspan.store.ProjectStore;

/**
 * Everything one annotator brings to a review: their documents with their annotations, and their label names.
 *
 * <p>A side is a value read once from a {@link ProjectStore}, so the comparison never holds the colleague's file open
 * and cannot write to it. A FactSpan JSON export is read into memory as an import would store it; the side keeps the
 * export's path as its {@code origin}, which is what "is this my own file?" is decided on.
 *
 * @param origin the file the side was read from
 * @param labels label names in the project's order
 */
public record ReviewSide(Path origin, List<String> labels, List<SideDocument> documents) {

    public ReviewSide {
        labels = List.copyOf(labels);
        documents = List.copyOf(documents);
    }

    /**
     * Reads a colleague's project without ever writing to it. Refuses, in one sentence, a file that is missing,
     * corrupt, not a FactSpan project or from a newer FactSpan (see {@link ProjectStore#openReadOnly}).
     */
    public static ReviewSide open(Path file) {
        if (FileKind.of(file) == FileKind.EXPORT) {
            return openExport(file);
        }
        try (ProjectStore store = ProjectStore.openReadOnly(file)) {
            return load(store, file);
        }
    }

    /**
     * Reads a FactSpan JSON export into memory as an import into a new project would hold it, so it passes exactly the
     * checks an import does and a malformed file is refused with the importer's sentence; texts with CR line ends are
     * read with LF line ends and their offsets carried onto them ({@link FactSpanJsonReader#carryingLineEnds}).
     */
    private static ReviewSide openExport(Path file) {
        ProjectContent content = ContentWriter.asNewProject(
                FactSpanJsonReader.carryingLineEnds(Clock.systemUTC()).readFile(file), file.toString());
        return new ReviewSide(file, content.labels().stream().map(Label::name).toList(), content.documents().stream()
                .map(document -> new SideDocument(document.document(), document.annotations())).toList());
    }

    /** Reads every document and annotation of {@code store}; {@code origin} names the file the user chose. */
    public static ReviewSide load(ProjectStore store, Path origin) {
        List<String> labels = store.labels().stream().map(Label::name).toList();
        List<SideDocument> documents = new ArrayList<>();
        for (DocumentSummary summary : store.documents()) {
            documents.add(new SideDocument(
                    store.document(summary.id()).orElseThrow(() -> new FactSpanException(
                            "The document \"" + summary.title() + "\" vanished from " + origin + " while it was read.")),
                    store.annotations(summary.id())));
        }
        return new ReviewSide(origin, labels, documents);
    }
}
