package org.factspan.format;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;

import org.factspan.model.FactSpanException;
import org.factspan.store.ProjectStore;

/**
 * Merges a FactSpan JSON version 1 export ({@code docs/FORMATS.md}) into a project, all or nothing: the
 * {@link FactSpanJsonReader} hands each document to the {@link ContentWriter} as soon as it is read, inside one
 * transaction. What merging means, and what is refused, is said there; anything refused leaves the project as it was,
 * with a {@link FactSpanException} naming the file, the document and the annotation.
 */
public final class JsonImporter {

    private final FactSpanJsonReader reader;

    /** @param clock gives the imported time of the documents an import adds */
    public JsonImporter(Clock clock) {
        this.reader = FactSpanJsonReader.refusingCarriageReturns(clock);
    }

    /** Imports the export in {@code file} into {@code store}; see {@link ContentWriter} for what merging means. */
    public ImportResult importFile(Path file, ProjectStore store) {
        return FactSpanJsonReader.reading(file, in -> importFrom(in, file.toString(), store));
    }

    /**
     * Imports the export read from {@code in} into {@code store}. Does not close {@code in}.
     *
     * @param name names the input in messages, usually its file name
     */
    public ImportResult importFrom(InputStream in, String name, ProjectStore store) {
        try {
            ContentWriter writer = new ContentWriter(store, name);
            store.inTransaction(() -> reader.read(in, name, writer));
            return writer.result();
        } catch (FactSpanException e) {
            throw ImportFailures.naming(name, e);
        }
    }
}
