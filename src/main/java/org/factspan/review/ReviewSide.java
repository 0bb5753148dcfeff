package org.factspan.review;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.factspan.format.FileKind;
import org.factspan.format.JsonImporter;
import org.factspan.model.FactSpanException;
import org.factspan.model.Label;
import org.factspan.store.DocumentSummary;
import org.factspan.store.ProjectStore;

/**
 * Everything one annotator brings to a review: their documents with their annotations, and their label names.
 *
 * <p>A side is a value read once from a {@link ProjectStore}, so the comparison never holds the colleague's file open
 * and cannot write to it. A FactSpan JSON export is reviewed by importing it into a temporary project first; the side
 * then keeps the export's path as its {@code origin}, which is what "is this my own file?" is decided on.
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
     * Reads a FactSpan JSON export through a temporary project, so it passes exactly the checks an import does and a
     * malformed file is refused with the importer's sentence; texts with CR line ends are read from a copy with LF
     * line ends and offsets carried onto them ({@link LineEndCopy}). The temporary folder is deleted afterwards.
     */
    private static ReviewSide openExport(Path file) {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("factspan-review");
            Optional<Path> lf = LineEndCopy.of(file, folder);
            try (ProjectStore store = ProjectStore.create(folder.resolve("side" + ProjectStore.EXTENSION))) {
                JsonImporter importer = new JsonImporter(Clock.systemUTC());
                if (lf.isPresent()) {
                    try (InputStream in = Files.newInputStream(lf.get())) {
                        importer.importFrom(in, file.toString(), store);
                    }
                } else {
                    importer.importFile(file, store);
                }
                return load(store, file);
            }
        } catch (IOException e) {
            throw new FactSpanException("Could not make a temporary copy of " + file + " to review: "
                    + e.getMessage() + ".", e);
        } finally {
            if (folder != null) {
                deleteQuietly(folder);
            }
        }
    }

    private static void deleteQuietly(Path folder) {
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // A temporary folder left behind is cleaned by the system; the review itself succeeded or was refused.
        }
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
