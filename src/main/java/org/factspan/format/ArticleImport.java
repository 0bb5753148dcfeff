package org.factspan.format;

import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;

import org.factspan.model.Document;
import org.factspan.model.FactSpanException;
import org.factspan.store.ProjectStore;
import org.factspan.text.Article;
import org.factspan.text.ArticleReader;

/** Brings a plain-text article into a project; the window and the command line both import through here. */
public final class ArticleImport {

    /** What importing one article did: the document the project holds for it, and whether it was new. */
    public record Outcome(Document document, boolean added) {
    }

    private final Clock clock;

    public ArticleImport(Clock clock) {
        this.clock = clock;
    }

    /**
     * Reads {@code file} and adds it to the project unless the project already holds the same text.
     *
     * @throws FactSpanException naming the file when it cannot be read as an article or the project cannot store
     *                           it; the project is then unchanged
     */
    public Outcome importFile(ProjectStore store, Path file) {
        return importArticle(store, ArticleReader.read(file));
    }

    /** As {@link #importFile}, for bytes already in memory (a dropped file, the bundled sample). */
    public Outcome importBytes(ProjectStore store, String fileName, byte[] bytes) {
        return importArticle(store, ArticleReader.read(fileName, bytes));
    }

    /** Adds an article already read (off the JavaFX thread, say) unless the project holds the same text. */
    public Outcome importArticle(ProjectStore store, Article article) {
        Document candidate = new Document(UUID.randomUUID().toString(), article.title(), article.source(),
                article.sha256(), article.text(), org.factspan.model.Timestamps.now(clock));
        Document stored;
        try {
            stored = store.addDocumentIfAbsent(candidate);
        } catch (FactSpanException e) {
            throw ImportFailures.naming(article.source(), e);
        }
        return new Outcome(stored, stored.id().equals(candidate.id()));
    }
}
