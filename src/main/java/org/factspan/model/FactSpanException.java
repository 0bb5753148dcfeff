package org.factspan.model;

/**
 * A refusal the user should read: bad input, a file that is not a project, an edit that breaks a rule.
 *
 * <p>The message is one complete sentence that names the file, document or annotation at fault, so the command line
 * and the window can show it as it is. Whatever raised it has left the user's data unchanged.
 */
public class FactSpanException extends RuntimeException {

    public FactSpanException(String message) {
        super(message);
    }

    public FactSpanException(String message, Throwable cause) {
        super(message, cause);
    }
}
