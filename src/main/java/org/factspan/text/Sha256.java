package org.factspan.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The fingerprint that identifies a document's text across projects and exports (the {@code sha256} field of
 * FactSpan JSON and the {@code urn:sha256:} source of W3C annotations), so every package hashes text the same way.
 */
public final class Sha256 {

    private Sha256() {
    }

    /** Lowercase hex SHA-256 of the UTF-8 bytes of {@code text}. */
    public static String hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
