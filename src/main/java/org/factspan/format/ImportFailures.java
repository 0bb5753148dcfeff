package org.factspan.format;

import org.factspan.model.FactSpanException;

/** Failures met while importing a file, said with that file's name, which the project's store does not know. */
final class ImportFailures {

    private ImportFailures() {
    }

    /**
     * {@code failure} as it is if it names {@code file} already (the importers' own refusals do), else a sentence
     * that starts with the file and goes on with the failure, such as a write the project refused.
     */
    static FactSpanException naming(String file, FactSpanException failure) {
        String message = failure.getMessage();
        if (message.contains(file)) {
            return failure;
        }
        // "Could not write ..." continues the sentence as "could not write ..."; "SQLite ..." keeps its capitals.
        boolean word = message.length() > 1 && Character.isUpperCase(message.charAt(0))
                && Character.isLowerCase(message.charAt(1));
        return new FactSpanException(file + " was not imported: "
                + (word ? Character.toLowerCase(message.charAt(0)) + message.substring(1) : message), failure);
    }
}
