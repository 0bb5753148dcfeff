package org.factspan.text;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.factspan.model.FactSpanException;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Decodes the bytes of a text file whose encoding nobody told us, and refuses what is not text.
 *
 * <p>The order matters. A byte order mark is the writer's own statement, so it wins. Next comes UTF-8, decoded
 * strictly: text in a legacy encoding with any letter above ASCII is almost never valid UTF-8, so success is strong
 * evidence. Only then is juniversalchardet asked, and only a single-byte encoding it names is accepted: in those every
 * byte is one character, so a wrong guess garbles a few letters but never shifts the text, while a wrong multi-byte
 * guess would turn the article into nonsense. Every decode is strict, because replacing bad bytes with U+FFFD would
 * silently change the text annotators quote.
 */
final class TextDecoder {

    /** The text with its byte order mark removed and otherwise untouched, and the encoding it was decoded with. */
    record Decoded(String text, Charset encoding) {
    }

    /** The byte order marks FactSpan honours; UTF-32 comes first because its little-endian mark begins like UTF-16's. */
    private enum Bom {
        UTF_32LE(Charset.forName("UTF-32LE"), 0xFF, 0xFE, 0x00, 0x00),
        UTF_32BE(Charset.forName("UTF-32BE"), 0x00, 0x00, 0xFE, 0xFF),
        UTF_8(StandardCharsets.UTF_8, 0xEF, 0xBB, 0xBF),
        UTF_16BE(StandardCharsets.UTF_16BE, 0xFE, 0xFF),
        UTF_16LE(StandardCharsets.UTF_16LE, 0xFF, 0xFE);

        private final Charset charset;
        private final int[] mark;

        Bom(Charset charset, int... mark) {
            this.charset = charset;
            this.mark = mark;
        }

        static Bom of(byte[] bytes) {
            for (Bom bom : values()) {
                if (bom.starts(bytes)) {
                    return bom;
                }
            }
            return null;
        }

        /**
         * Decodes what follows the mark. Java's UTF-32BE and UTF-32LE decoders drop a leading U+FEFF as if it were a
         * second mark, which would lose a character the file holds (and could leave an accepted text empty); the
         * plain UTF-32 decoder reads the mark itself and keeps everything after it, as the UTF-8 and UTF-16 ones do.
         */
        private Attempt decode(byte[] bytes) {
            if (this == UTF_32LE || this == UTF_32BE) {
                Attempt attempt = attempt(bytes, 0, Charset.forName("UTF-32"));
                int surrogate = attempt.succeeded() ? surrogateUnit(bytes) : -1;
                return surrogate < 0 ? attempt : new Attempt(null, surrogate);
            }
            return attempt(bytes, mark.length, charset);
        }

        /**
         * The byte offset of the first UTF-32 unit in U+D800..U+DFFF, or -1. Those are UTF-16 surrogates, not
         * characters, so valid UTF-32 has none; Java's decoder passes them through, leaving a lone surrogate in the
         * text, or, for two in a row, a character the file does not hold.
         */
        private int surrogateUnit(byte[] bytes) {
            ByteBuffer units = ByteBuffer.wrap(bytes).order(this == UTF_32LE ? ByteOrder.LITTLE_ENDIAN
                    : ByteOrder.BIG_ENDIAN);
            for (int i = mark.length; i + 4 <= bytes.length; i += 4) {
                int unit = units.getInt(i);
                if (unit >= Character.MIN_SURROGATE && unit <= Character.MAX_SURROGATE) {
                    return i;
                }
            }
            return -1;
        }

        private boolean starts(byte[] bytes) {
            if (bytes.length < mark.length) {
                return false;
            }
            for (int i = 0; i < mark.length; i++) {
                if ((bytes[i] & 0xFF) != mark[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A strict decode: the text, or null and the offset of the first byte that does not decode. */
    private record Attempt(String text, int badByte) {
        boolean succeeded() {
            return text != null;
        }
    }

    private TextDecoder() {
    }

    /**
     * Decodes {@code bytes}, the whole content of {@code name}.
     *
     * @throws FactSpanException naming {@code name} when the bytes are empty, binary, or not valid text in an encoding
     *                           FactSpan reads
     */
    static Decoded decode(String name, byte[] bytes) {
        if (bytes.length == 0) {
            throw new FactSpanException(name + " is empty.");
        }
        Bom bom = Bom.of(bytes);
        if (bom != null) {
            return decodeMarked(name, bytes, bom);
        }
        // Without a mark the encoding is ASCII-compatible, so control bytes are control characters in any of them,
        // and binary data can be recognised before a detector makes a guess about it.
        refuseBinary(name, () -> IntStream.range(0, bytes.length).map(i -> bytes[i]), bytes.length);
        Attempt utf8 = attempt(bytes, 0, StandardCharsets.UTF_8);
        if (utf8.succeeded()) {
            return new Decoded(utf8.text(), StandardCharsets.UTF_8);
        }
        Charset legacy = detectLegacy(name, bytes, utf8.badByte());
        Attempt decoded = attempt(bytes, 0, legacy);
        if (!decoded.succeeded()) {
            throw new FactSpanException(name + " is neither valid UTF-8 (byte offset " + utf8.badByte()
                    + ") nor valid " + legacy.name() + ", the encoding it looks closest to (byte offset "
                    + decoded.badByte() + "); save it as UTF-8 and import it again.");
        }
        return new Decoded(decoded.text(), legacy);
    }

    private static Decoded decodeMarked(String name, byte[] bytes, Bom bom) {
        if (bytes.length == bom.mark.length) {
            throw new FactSpanException(name + " is empty apart from its byte order mark.");
        }
        Attempt attempt = bom.decode(bytes);
        if (!attempt.succeeded()) {
            throw new FactSpanException(name + " starts with a " + bom.charset.name()
                    + " byte order mark but is not valid " + bom.charset.name() + " at byte offset "
                    + attempt.badByte() + ".");
        }
        String text = attempt.text();
        refuseBinary(name, text::chars, text.length());
        return new Decoded(text, bom.charset);
    }

    /** The single-byte encoding juniversalchardet names for bytes that are not UTF-8. */
    private static Charset detectLegacy(String name, byte[] bytes, int badUtf8Byte) {
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(bytes, 0, bytes.length);
        detector.dataEnd();
        String guess = detector.getDetectedCharset();
        if (guess == null) {
            throw new FactSpanException("Could not tell the encoding of " + name
                    + ", which is not valid UTF-8 (byte offset " + badUtf8Byte
                    + "); save it as UTF-8 and import it again.");
        }
        if (guess.equalsIgnoreCase(StandardCharsets.UTF_8.name())) {
            throw new FactSpanException(name + " is damaged UTF-8: the bytes at offset " + badUtf8Byte
                    + " are not valid UTF-8.");
        }
        if (!Charset.isSupported(guess) || !isSingleByte(Charset.forName(guess))) {
            throw new FactSpanException(name + " looks like " + guess.toUpperCase(Locale.ROOT)
                    + " text, which FactSpan does not import; save it as UTF-8 and import it again.");
        }
        return Charset.forName(guess);
    }

    private static boolean isSingleByte(Charset charset) {
        return charset.canEncode() && charset.newEncoder().maxBytesPerChar() == 1.0f;
    }

    /**
     * Refuses text units (bytes of an ASCII-compatible encoding, or decoded UTF-16 units) that look binary.
     *
     * <p>No text holds NUL. Other control characters do turn up in real articles, a stray ESC or the Ctrl-Z end mark
     * of old DOS files, but rarely; uniform binary data has about one in eight, so more than one in a hundred means
     * binary. Tab, LF, VT, FF and CR are whitespace (word processors write VT for a manual line break) and do not
     * count.
     */
    private static void refuseBinary(String name, Supplier<IntStream> units, int length) {
        if (units.get().anyMatch(unit -> unit == 0)) {
            throw new FactSpanException(name + " looks binary, not text: it contains NUL characters.");
        }
        long controls = units.get().filter(TextDecoder::isNonSpaceControl).count();
        if (controls * 100 > length) {
            throw new FactSpanException(name + " looks binary, not text: it has " + controls
                    + " control characters, more than 1 in 100.");
        }
    }

    private static boolean isNonSpaceControl(int unit) {
        return unit >= 0 && unit < 0x20 && (unit < '\t' || unit > '\r');
    }

    private static Attempt attempt(byte[] bytes, int from, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
        // maxCharsPerByte bounds the output, so one buffer always suffices and the decode never has to resume.
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(in.remaining() * (double) decoder.maxCharsPerByte()));
        CoderResult result = decoder.decode(in, out, true);
        if (result.isUnderflow()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            return new Attempt(null, in.position());
        }
        if (result.isOverflow()) {
            throw new IllegalStateException(charset + " produced more characters than it declares");
        }
        return new Attempt(out.flip().toString(), -1);
    }
}
