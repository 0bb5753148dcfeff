package org.factspan.text;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_16BE;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.factspan.model.FactSpanException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArticleReaderTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

    /** Emoji outside the BMP, Cyrillic, Arabic, a no-break space, NEL and LINE SEPARATOR: all must survive as is. */
    private static final String MIXED = "Boom \uD83D\uDCA5 said the minister.\n"
            + "Министр заявил: «налоги не вырастут».\n"
            + "قال الوزير إن الضرائب لن ترتفع.\n"
            + "no\u00A0break, next\u0085line, line\u2028separator\n";

    @Nested
    class Encodings {

        @Test
        void readsUtf8WithoutByteOrderMark() {
            Article article = ArticleReader.read("mixed.txt", MIXED.getBytes(UTF_8));

            assertEquals(MIXED, article.text());
            assertEquals(UTF_8, article.encoding());
        }

        @Test
        void dropsTheUtf8ByteOrderMarkButKeepsALaterU_FEFF() {
            String text = "Claim\uFEFF one";
            Article article = ArticleReader.read("bom.txt", concat(bytes(0xEF, 0xBB, 0xBF), text.getBytes(UTF_8)));

            assertEquals(text, article.text());
            assertEquals(UTF_8, article.encoding());
        }

        @Test
        void readsUtf16LittleEndianWithByteOrderMark() {
            Article article = ArticleReader.read("le.txt", concat(bytes(0xFF, 0xFE), MIXED.getBytes(UTF_16LE)));

            assertEquals(MIXED, article.text());
            assertEquals(UTF_16LE, article.encoding());
        }

        @Test
        void readsUtf16BigEndianWithByteOrderMark() {
            Article article = ArticleReader.read("be.txt", concat(bytes(0xFE, 0xFF), MIXED.getBytes(UTF_16BE)));

            assertEquals(MIXED, article.text());
            assertEquals(UTF_16BE, article.encoding());
        }

        @Test
        void readsUtf32WithByteOrderMarkRatherThanMistakingItForUtf16() {
            Charset utf32le = Charset.forName("UTF-32LE");
            Charset utf32be = Charset.forName("UTF-32BE");

            Article little = ArticleReader.read("le.txt", concat(bytes(0xFF, 0xFE, 0, 0), MIXED.getBytes(utf32le)));
            Article big = ArticleReader.read("be.txt", concat(bytes(0, 0, 0xFE, 0xFF), MIXED.getBytes(utf32be)));

            assertEquals(MIXED, little.text());
            assertEquals(utf32le, little.encoding());
            assertEquals(MIXED, big.text());
            assertEquals(utf32be, big.encoding());
        }

        /** Found by ArticleReaderFuzzTest: Java's UTF-32BE/LE decoders dropped it, so mark + U+FEFF read as empty. */
        @Test
        void keepsAU_FEFFRightAfterAUtf32ByteOrderMark() {
            for (Charset utf32 : List.of(Charset.forName("UTF-32BE"), Charset.forName("UTF-32LE"))) {
                Article article = ArticleReader.read("zwnbsp.txt", "\uFEFF\uFEFFClaim".getBytes(utf32));

                assertEquals("\uFEFFClaim", article.text(), utf32.name());
                assertEquals(utf32, article.encoding());
            }
        }

        @Test
        void detectsWindows1252CurlyQuotesAndAccents() {
            String text = "The minister said \u201Cwe will not raise taxes\u201D at the caf\u00E9 \u2014 d\u00E9j\u00E0 vu.";
            byte[] bytes = text.getBytes(WINDOWS_1252);
            assertEquals(0x93, bytes[18] & 0xFF, "the sample holds the 1252-only left quote");

            Article article = ArticleReader.read("quotes.txt", bytes);

            assertEquals(text, article.text());
            assertEquals(WINDOWS_1252, article.encoding());
        }

        @Test
        void readsIso88591AsWindows1252WhichAgreesOnEveryPrintableCharacter() {
            String text = "Le caf\u00E9 \u00E9tait d\u00E9j\u00E0 ferm\u00E9 quand nous sommes arriv\u00E9s \u00E0 midi.";

            Article article = ArticleReader.read("cafe.txt", text.getBytes(ISO_8859_1));

            assertEquals(text, article.text());
            assertEquals(WINDOWS_1252, article.encoding());
        }

        @Test
        void detectsWindows1251Cyrillic() {
            String text = "Министр заявил, что налоги не будут повышены, однако критики назвали это заявление ложью.";

            Article article = ArticleReader.read("ru.txt", text.getBytes(WINDOWS_1251));

            assertEquals(text, article.text());
            assertEquals(WINDOWS_1251, article.encoding());
        }

        @Test
        void prefersUtf8WhenTheBytesAreValidUtf8() {
            Article article = ArticleReader.read("cafe.txt", "caf\u00E9".getBytes(UTF_8));

            assertEquals("caf\u00E9", article.text());
            assertEquals(UTF_8, article.encoding());
        }
    }

    @Nested
    class Normalization {

        @Test
        void turnsCrLfAndLoneCrIntoLf() {
            Article article = ArticleReader.read("ends.txt", "a\r\nb\rc\n\r\nd\r\r\ne\r".getBytes(UTF_8));

            assertEquals("a\nb\nc\n\nd\n\ne\n", article.text());
        }

        @Test
        void turnsCrLfIntoLfInUtf16Too() {
            Article article = ArticleReader.read("ends.txt", concat(bytes(0xFF, 0xFE), "a\r\nb\rc".getBytes(UTF_16LE)));

            assertEquals("a\nb\nc", article.text());
        }

        @Test
        void givesTheSameTextAndHashWhateverTheLineEnds() {
            Article unix = ArticleReader.read("a.txt", "one\ntwo\n".getBytes(UTF_8));
            Article windows = ArticleReader.read("a.txt", "one\r\ntwo\r\n".getBytes(UTF_8));

            assertEquals(unix, windows);
        }

        @Test
        void keepsLeadingAndTrailingWhitespace() {
            String text = "  \n\t Claim. \u00A0\n\n";

            assertEquals(text, ArticleReader.read("ws.txt", text.getBytes(UTF_8)).text());
        }

        @Test
        void keepsDecomposedCharactersDecomposed() {
            String decomposed = "Cafe\u0301 and re\u0301sume\u0301";

            Article article = ArticleReader.read("nfd.txt", decomposed.getBytes(UTF_8));

            assertEquals(decomposed, article.text());
            assertEquals(18, article.text().codePointCount(0, article.text().length()));
        }

        @Test
        void keepsAFewStrayControlCharactersSuchAsTheDosEndOfFileMark() {
            String text = "A long enough article. ".repeat(10) + "\u001B[0m\u001A";

            assertEquals(text, ArticleReader.read("dos.txt", text.getBytes(UTF_8)).text());
        }
    }

    @Nested
    class Result {

        @Test
        void hashesTheUtf8BytesOfTheNormalizedText() {
            Article article = ArticleReader.read("a.txt", concat(bytes(0xEF, 0xBB, 0xBF), "é💥\r\n".getBytes(UTF_8)));

            assertEquals("é💥\n", article.text());
            assertEquals(Sha256.hex("é💥\n"), article.sha256());
        }

        @ParameterizedTest
        @CsvSource({
                "article.txt, article",
                "Article.TXT, Article",
                "notes, notes",
                "notes.md, notes.md",
                ".txt, .txt",
                "twice.txt.txt, twice.txt",
                "Budanov – Hamas.txt, Budanov – Hamas"})
        void titleIsTheFileNameWithoutTxt(String fileName, String title) {
            Article article = ArticleReader.read(fileName, "text".getBytes(UTF_8));

            assertEquals(title, article.title());
            assertEquals(fileName, article.source());
        }

        @Test
        void readsAFileWithItsAbsolutePathAsSource(@TempDir Path dir) throws IOException {
            Path file = Files.writeString(dir.resolve("claim one.txt"), "Russia\r\nhelped", UTF_8);

            Article article = ArticleReader.read(file);

            assertEquals(new Article("claim one", file.toAbsolutePath().toString(), "Russia\nhelped",
                    Sha256.hex("Russia\nhelped"), UTF_8), article);
        }

        @Test
        void makesARelativePathAbsolute(@TempDir Path dir) throws IOException {
            Path file = Files.writeString(dir.resolve("rel.txt"), "text", UTF_8);
            Path relative = Path.of("").toAbsolutePath().relativize(file);

            assertEquals(file.toAbsolutePath().toString(), ArticleReader.read(relative).source());
        }
    }

    @Nested
    class Refusals {

        /** Found by ArticleReaderFuzzTest: U+D800..U+DFFF are no characters, but Java's UTF-32 decoders pass them. */
        @Test
        void refusesUtf32SurrogateUnitsAloneOrInPairs() {
            byte[] lone = bytes(0, 0, 0xFE, 0xFF, 0, 0, 0, 'a', 0, 0, 0xDE, 0xFF);
            byte[] pair = bytes(0xFF, 0xFE, 0, 0, 0x3D, 0xD8, 0, 0, 0xA5, 0xDC, 0, 0);

            assertRefused("lone.txt", lone, "not valid UTF-32BE at byte offset 8");
            assertRefused("pair.txt", pair, "not valid UTF-32LE at byte offset 4");
        }

        @Test
        void refusesAnEmptyFile() {
            assertRefused("empty.txt", new byte[0], "empty");
        }

        @Test
        void refusesAFileWithOnlyAByteOrderMark() {
            assertRefused("bom8.txt", bytes(0xEF, 0xBB, 0xBF), "empty apart from its byte order mark");
            assertRefused("bom16.txt", bytes(0xFF, 0xFE), "empty apart from its byte order mark");
        }

        @Test
        void refusesTextWithANulByte() {
            assertRefused("nul.txt", "claim\0claim".getBytes(UTF_8), "binary");
        }

        @Test
        void refusesUtf16WithoutByteOrderMarkAsBinary() {
            assertRefused("utf16.txt", "Plain English text".getBytes(UTF_16LE), "binary");
        }

        @Test
        void refusesANulCharacterBehindAUtf16ByteOrderMark() {
            assertRefused("nul16.txt", concat(bytes(0xFE, 0xFF), "a\0b".getBytes(UTF_16BE)), "binary");
        }

        @Test
        void refusesAPngImage() throws IOException {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", png);

            assertRefused("photo.txt", png.toByteArray(), "binary");
        }

        @Test
        void refusesAZipArchive() throws IOException {
            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            try (ZipOutputStream out = new ZipOutputStream(zip)) {
                out.putNextEntry(new ZipEntry("article.txt"));
                out.write("An article inside an archive.".getBytes(UTF_8));
            }

            assertRefused("archive.txt", zip.toByteArray(), "binary");
        }

        @Test
        void refusesManyControlCharactersEvenWithoutNul() {
            byte[] bytes = new byte[3000];
            new Random(3).nextBytes(bytes);
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = bytes[i] == 0 ? 1 : bytes[i];
            }

            assertRefused("noise.txt", bytes, "control characters");
        }

        @Test
        void refusesInvalidUtf8AfterAUtf8ByteOrderMark() {
            FactSpanException refusal = assertRefused("bad.txt",
                    concat(bytes(0xEF, 0xBB, 0xBF), bytes('a', 'b', 0xC3, 'c')), "not valid UTF-8");

            assertTrue(refusal.getMessage().contains("byte offset 5"), refusal.getMessage());
        }

        @Test
        void refusesUtf16CutInTheMiddleOfACharacter() {
            assertRefused("cut.txt", concat(bytes(0xFF, 0xFE), bytes('a', 0, 'b')), "not valid UTF-16LE");
        }

        @Test
        void refusesBytesWhoseEncodingTheDetectorCannotTell() {
            byte[] bytes = new byte[100];
            Random random = new Random(7);
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (0x80 + random.nextInt(128));
            }

            FactSpanException refusal = assertRefused("unknown.txt", bytes, "Could not tell the encoding");

            assertTrue(refusal.getMessage().contains("save it as UTF-8"), refusal.getMessage());
        }

        @Test
        void refusesAMultiByteLegacyEncodingByName() {
            byte[] bytes = "大臣は税金を上げないと述べたが、批評家はそれを嘘だと呼んだ。".getBytes(Charset.forName("Shift_JIS"));

            assertRefused("ja.txt", bytes, "looks like SHIFT_JIS text");
        }

        @Test
        void refusesBytesThatDoNotDecodeInTheDetectedSingleByteEncoding() {
            // The detector takes Greek windows-1253 for ISO-8859-7, where the registered sign 0xAE is undefined.
            String greek = "Ο υπουργός δήλωσε ότι οι φόροι δεν θα αυξηθούν, αλλά οι επικριτές το χαρακτήρισαν ψέμα \u00AE.";

            assertRefused("el.txt", greek.getBytes(Charset.forName("windows-1253")), "nor valid ISO-8859-7");
        }

        @Test
        void refusesAMissingFile(@TempDir Path dir) {
            assertRefused(dir.resolve("gone.txt"), "does not exist");
        }

        @Test
        void refusesAFolder(@TempDir Path dir) throws IOException {
            assertRefused(Files.createDirectory(dir.resolve("folder.txt")), "is a folder");
            assertRefused(dir.getRoot(), "is a folder");
        }

        @Test
        void refusesADevice() {
            Path device = Path.of("/dev/null");
            assumeTrue(Files.exists(device), "a Unix device file");

            assertRefused(device, "not a regular file");
        }

        @Test
        void refusesAFileItMayNotRead(@TempDir Path dir) throws IOException {
            Path file = Files.writeString(dir.resolve("secret.txt"), "text");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
            assumeFalse(Files.isReadable(file), "the user running the tests (root?) can read any file");

            assertRefused(file, "not allowed to read");
        }

        @Test
        void refusesAFileOverTheLimitBeforeReadingIt(@TempDir Path dir) throws IOException {
            Path file = sparseFile(dir.resolve("huge.txt"), ArticleReader.MAX_BYTES + 1);

            FactSpanException refusal = assertRefused(file, "52,428,801 bytes");

            assertTrue(refusal.getMessage().contains("50 MB"), refusal.getMessage());
        }

        @Test
        void readsAFileExactlyAtTheLimit(@TempDir Path dir) throws IOException {
            Path file = sparseFile(dir.resolve("limit.txt"), ArticleReader.MAX_BYTES);

            // Zeros, so the read gets as far as the content and refuses that, not the size.
            assertRefused(file, "binary");
        }

        @Test
        void refusesBytesOverTheLimitInMemory() {
            assertRefused("huge.txt", new byte[(int) ArticleReader.MAX_BYTES + 1], "52,428,801 bytes");
        }

        private static Path sparseFile(Path file, long length) throws IOException {
            try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
                out.setLength(length);
            }
            return file;
        }
    }

    private static FactSpanException assertRefused(String name, byte[] bytes, String reason) {
        FactSpanException refusal = assertThrows(FactSpanException.class, () -> ArticleReader.read(name, bytes));
        assertOneSentence(refusal.getMessage(), name, reason);
        return refusal;
    }

    private static FactSpanException assertRefused(Path file, String reason) {
        FactSpanException refusal = assertThrows(FactSpanException.class, () -> ArticleReader.read(file));
        assertOneSentence(refusal.getMessage(), file.toAbsolutePath().toString(), reason);
        return refusal;
    }

    private static final Pattern SENTENCE_BREAK = Pattern.compile("[.!?]\\s+\\p{Lu}");

    private static void assertOneSentence(String message, String name, String reason) {
        String withoutName = message.replace(name, "NAME");
        assertAll(message,
                () -> assertTrue(message.contains(name), "names the file"),
                () -> assertTrue(message.contains(reason), "gives the reason: " + reason),
                () -> assertTrue(Character.isUpperCase(withoutName.charAt(0)) || withoutName.startsWith("NAME"),
                        "starts a sentence"),
                () -> assertTrue(message.endsWith("."), "ends with a full stop"),
                () -> assertFalse(message.contains("\n"), "stays on one line"),
                () -> assertFalse(SENTENCE_BREAK.matcher(withoutName).find(), "is one sentence"));
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
