package org.factspan.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Sha256Test {

    @Test
    void matchesTheStandardTestVectors() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Sha256.hex(""));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256.hex("abc"));
    }

    @Test
    void hashesTheUtf8BytesOfTextOutsideAscii() {
        assertEquals("ce36e273999e5c0f9a5ace85f745bd33c39c24d32f414939793a774c5151e801", Sha256.hex("é💥"));
    }

    @Test
    void tellsComposedAndDecomposedTextApart() {
        assertEquals("bf12767b0f2a56b2190075bae8169f656e3ce8d6357d4aff184bc6c7ea48f9f6", Sha256.hex("e\u0301"));
    }
}
