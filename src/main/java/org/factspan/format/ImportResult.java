package org.factspan.format;

/**
 * What an import changed, for the message the user sees afterwards.
 *
 * <p>Skipped annotations come in two kinds, counted apart because they mean different things to a user:
 * {@code annotationsUnchanged} were already in the project with the same id and content (the file was imported
 * before), while {@code annotationsDuplicate} carry another id but the same label and offsets as an annotation the
 * project already has on that document (a colleague marked the same span), and the project keeps its own.
 *
 * @param documentsMerged documents whose text the project already held; their annotations joined the project's
 *                        document of that text
 */
public record ImportResult(int labelsAdded, int documentsAdded, int documentsMerged, int annotationsAdded,
                           int annotationsUnchanged, int annotationsDuplicate, int linksAdded) {

    public int annotationsSkipped() {
        return annotationsUnchanged + annotationsDuplicate;
    }
}
