package org.factspan;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.code_intelligence.jazzer.junit.DictionaryEntries;

/**
 * Tokens for fuzzing readers of FactSpan JSON that mutating the seeds seldom produces: escapes of characters that are
 * hard to store or show (an unpaired surrogate, NUL, line separators), numbers at the edges of {@code int} and of what
 * Jackson reads, and the fields of the format. Only fuzzing uses them: they join the mutator's dictionary.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@DictionaryEntries({"\\ud800", "\\udc00", "\\ud83d\\udca5", "\\u0000", "\\n", "\\r", "\\u2028", "\\u0085",
        "2147483647", "2147483648", "-1", "1e999", "0.5", "null", "true", "[]", "{}",
        "\"format\":\"factspan\"", "\"version\":1", "\"exported\":", "\"labels\":", "\"documents\":",
        "\"annotations\":", "\"comments\":", "\"provenance\":", "\"start\":", "\"end\":", "\"quote\":", "\"note\":",
        "\"sha256\":", "\"text\":", "\"label\":", "\"key\":", "\"color\":", "\"created\":", "\"modified\":",
        "2026-11-22T10:00:00Z", "+999999999-12-31T23:59:59Z"})
public @interface FactSpanJsonDictionary {
}
