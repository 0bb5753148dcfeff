package org.factspan.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.factspan.SharedFixtures;
import org.factspan.edit.Editor;
import org.factspan.format.ArticleImport;
import org.factspan.model.Annotation;
import org.factspan.model.Document;
import org.factspan.store.ProjectStore;
import org.factspan.text.Sha256;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code agree} and {@code diff} on two annotators' projects of the same real article (the Budanov interview), with
 * exactly one difference of each kind:
 * <pre>
 *                          mine (alice)            theirs (bob)
 *   "Russia may have ..."  claim                   claim           agree
 *   "This know-how ..."    claim                   evidence        label_conflict
 *   "Kyrylo Budanov, ..."  attribution (long)      attribution (the name only)   boundary_conflict
 *   "Mr Budanov suggested" attribution             -               only_mine
 *   "using for example ..."  -                     evidence        only_theirs
 * </pre>
 * Nobody uses denial, so every denial figure is 0/0.
 */
class ReviewCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ARTICLE = "000_cf6e1beb37eba1d1.txt";
    private static final String TITLE = "000_cf6e1beb37eba1d1";

    private static final String AGREED = "Russia may have supplied Hamas invaders with captured Ukrainian weapons";
    private static final String RELABELLED = "This know-how is borne of our war";
    private static final String LONG_NAME = "Kyrylo Budanov, the chief of the Main Directorate of Intelligence";
    private static final String SHORT_NAME = "Kyrylo Budanov";
    private static final String ONLY_MINE = "Mr Budanov suggested";
    private static final String ONLY_THEIRS = "using for example FPV drones against armoured vehicles";

    @TempDir
    Path folder;

    private Path mine;
    private Path theirs;
    private Document article;
    private byte[] theirsBefore;

    @BeforeEach
    void twoAnnotatorsOnOneArticle() throws IOException {
        Path seed = SharedFixtures.shared().resolve("seeds").resolve(ARTICLE);
        mine = folder.resolve("alice.factspan");
        try (ProjectStore store = ProjectStore.create(mine)) {
            article = new ArticleImport(Clock.systemUTC()).importFile(store, seed).document();
            Editor alice = new Editor(store, "alice");
            tag(alice, article, "claim", AGREED);
            tag(alice, article, "claim", RELABELLED);
            tag(alice, article, "attribution", LONG_NAME);
            tag(alice, article, "attribution", ONLY_MINE);
        }
        Files.createDirectory(folder.resolve("bob"));
        theirs = folder.resolve("bob").resolve("bob.factspan");
        try (ProjectStore store = ProjectStore.create(theirs)) {
            Document doc = new ArticleImport(Clock.systemUTC()).importFile(store, seed).document();
            Editor bob = new Editor(store, "bob");
            tag(bob, doc, "claim", AGREED);
            Annotation relabelled = tag(bob, doc, "claim", RELABELLED);
            bob.relabel(relabelled.id(), "evidence");
            Annotation name = tag(bob, doc, "attribution", LONG_NAME);
            bob.moveBoundary(name.id(), name.start(), name.start() + SHORT_NAME.length());
            tag(bob, doc, "evidence", ONLY_THEIRS);
        }
        theirsBefore = Files.readAllBytes(theirs);
    }

    @AfterEach
    void theColleaguesFileIsUntouched() throws IOException {
        if (theirsBefore == null) {
            return; // skipped before the files were made: no shared folder with the seed article
        }
        assertArrayEquals(theirsBefore, Files.readAllBytes(theirs), "the colleague's file is byte-for-byte unchanged");
        assertEquals(List.of("bob.factspan"), fileNames(theirs.getParent()), "no -wal or -shm beside it");
    }

    @Test
    void agreeJsonCountsEachKindOfDifferenceAndGivesTheHandComputedF1() throws IOException {
        CliRun run = CliRun.inProcess("agree", mine.toString(), theirs.toString(), "--json");

        assertEquals(Cli.OK, run.exit(), run.toString());
        assertEquals("", run.err());
        assertEquals(1, run.outLines().size(), "one JSON object on one line");
        JsonNode report = JSON.readTree(run.out());
        assertEquals(1, report.get("documents").size());
        JsonNode document = report.get("documents").get(0);
        assertEquals(TITLE, document.get("title").textValue());
        assertEquals(article.sha256(), document.get("sha256").textValue());
        assertEquals(0, document.get("orphans").intValue());

        for (JsonNode figures : List.of(report.get("overall"), document)) {
            assertEquals(JSON.readTree("""
                    {"agree": 1, "label_conflict": 1, "boundary_conflict": 1, "only_mine": 1, "only_theirs": 1}"""),
                    figures.get("counts"));
            JsonNode labels = figures.get("labels");
            assertEquals(List.of("claim", "denial", "evidence", "attribution"), names(labels));
            // claim: mine 2 (AGREED, RELABELLED), theirs 1 (AGREED), agree 1, boundary 0
            //   exact = 2 x 1 / (2 + 1) = 2/3, overlap = 2 x (1 + 0) / 3 = 2/3
            assertFigure(2.0 / 3, labels, "claim", "f1_exact");
            assertFigure(2.0 / 3, labels, "claim", "f1_overlap");
            // evidence: mine 0, theirs 2 (RELABELLED, ONLY_THEIRS), agree 0: exact = overlap = 0 / 2 = 0
            assertFigure(0.0, labels, "evidence", "f1_exact");
            assertFigure(0.0, labels, "evidence", "f1_overlap");
            // attribution: mine 2 (LONG_NAME, ONLY_MINE), theirs 1 (SHORT_NAME), agree 0, boundary 1
            //   exact = 0 / 3 = 0, overlap = 2 x (0 + 1) / (2 + 1) = 2/3
            assertFigure(0.0, labels, "attribution", "f1_exact");
            assertFigure(2.0 / 3, labels, "attribution", "f1_overlap");
            // evidence kappa: I mark none of the n code points, they mark t: po = (n - t) / n = pe, so kappa = 0
            assertFigure(0.0, labels, "evidence", "kappa");
            double claimKappa = labels.get("claim").get("kappa").doubleValue();
            assertTrue(claimKappa > 0 && claimKappa < 1, "partial agreement on claim: " + claimKappa);
            // micro-average: mine 4, theirs 4, agree 1, boundary 1: exact = 2 x 1 / 8, overlap = 2 x 2 / 8
            assertEquals(0.25, figures.get("f1_exact").doubleValue(), 1e-12);
            assertEquals(0.5, figures.get("f1_overlap").doubleValue(), 1e-12);
            // denial is on neither side: every figure is 0/0, and only those are null.
            assertEquals(Set.of("denial.f1_exact", "denial.f1_overlap", "denial.kappa", "denial.alpha_u"),
                    nulls(labels));
        }
    }

    @Test
    void agreeWithoutJsonPrintsATablePerDocumentAndOverall() {
        CliRun run = CliRun.inProcess("agree", mine.toString(), theirs.toString());

        assertEquals(Cli.OK, run.exit(), run.toString());
        assertEquals("", run.err());
        List<String> lines = run.out().lines().map(String::strip).toList();
        assertEquals(TITLE + " (0 orphans)", lines.get(0));
        assertTrue(lines.contains("Overall"), run.out());
        assertEquals(2, lines.stream().filter(l -> l.equals(
                "agree 1, label conflict 1, boundary conflict 1, only mine 1, only theirs 1")).count(), run.out());
        assertEquals(2, lines.stream().filter(l -> l.matches("label\\s+F1 exact\\s+F1 overlap\\s+kappa\\s+alpha_u"))
                .count(), run.out());
        assertEquals(2, lines.stream().filter(l -> l.matches("claim\\s+0\\.667\\s+0\\.667\\s+\\S+\\s+\\S+")).count(),
                run.out());
        assertEquals(2, lines.stream().filter(l -> l.matches("attribution\\s+0\\.000\\s+0\\.667\\s+\\S+\\s+\\S+"))
                .count(), run.out());
        assertEquals(2, lines.stream().filter(l -> l.matches("denial\\s+-\\s+-\\s+-\\s+-")).count(), run.out());
        assertEquals(2, lines.stream().filter(l -> l.matches("micro-average\\s+0\\.250\\s+0\\.500")).count(),
                run.out());
    }

    @Test
    void diffPrintsOneLinePerDifferenceWithItsCategory() {
        CliRun run = CliRun.inProcess("diff", mine.toString(), theirs.toString());

        assertEquals(Cli.OK, run.exit(), run.toString());
        assertEquals("", run.err());
        assertEquals(List.of(
                line("boundary_conflict", side("attribution", LONG_NAME), side("attribution", SHORT_NAME)),
                line("only_mine", side("attribution", ONLY_MINE), "-"),
                line("only_theirs", "-", side("evidence", ONLY_THEIRS)),
                line("label_conflict", side("claim", RELABELLED), side("evidence", RELABELLED))),
                run.outLines(), "in the order of the article");

        CliRun all = CliRun.inProcess("diff", "--all", mine.toString(), theirs.toString());
        assertEquals(Cli.OK, all.exit(), all.toString());
        assertEquals(5, all.outLines().size(), all.toString());
        assertTrue(all.outLines().contains(line("agree", side("claim", AGREED), side("claim", AGREED))), all.out());
    }

    @Test
    void theirSideAsAJsonExportGivesTheSameAgreementAndDifferences() throws IOException {
        Path export = folder.resolve("bob-export.json");
        CliRun exported = CliRun.inProcess("export", theirs.toString(), "-o", export.toString());
        assertEquals(Cli.OK, exported.exit(), exported.toString());

        CliRun fromProject = CliRun.inProcess("agree", mine.toString(), theirs.toString(), "--json");
        CliRun fromExport = CliRun.inProcess("agree", mine.toString(), export.toString(), "--json");

        assertEquals(Cli.OK, fromExport.exit(), fromExport.toString());
        assertEquals(JSON.readTree(fromProject.out()), JSON.readTree(fromExport.out()));
        assertEquals(1, JSON.readTree(fromExport.out()).at("/overall/counts/only_theirs").intValue());
        assertEquals(CliRun.inProcess("diff", mine.toString(), theirs.toString()).out(),
                CliRun.inProcess("diff", mine.toString(), export.toString()).out());
    }

    @Test
    void theirSideAsAJsonExportWithCrlfLineEndsGivesTheSameAgreementAndDifferences() throws IOException {
        Path export = folder.resolve("bob-export.json");
        assertEquals(Cli.OK, CliRun.inProcess("export", theirs.toString(), "-o", export.toString()).exit());
        JsonNode tree = JSON.readTree(export.toFile());
        for (JsonNode document : tree.get("documents")) {
            String lf = document.get("text").textValue();
            String crlf = lf.replace("\n", "\r\n");
            ((ObjectNode) document).put("text", crlf).put("sha256", Sha256.hex(crlf));
            for (JsonNode annotation : document.get("annotations")) {
                int start = annotation.get("start").intValue();
                int end = annotation.get("end").intValue();
                int crsBefore = (int) lf.codePoints().limit(start).filter(c -> c == '\n').count();
                int crsWithin = (int) lf.codePoints().skip(start).limit(end - start).filter(c -> c == '\n').count();
                ((ObjectNode) annotation).put("start", start + crsBefore).put("end", end + crsBefore + crsWithin);
            }
        }
        Path crlfExport = folder.resolve("bob-crlf.json");
        JSON.writeValue(crlfExport.toFile(), tree);
        assertTrue(Files.readString(crlfExport).contains("\\r\\n"), "the seed article has line breaks");

        CliRun fromProject = CliRun.inProcess("agree", mine.toString(), theirs.toString(), "--json");
        CliRun fromCrlf = CliRun.inProcess("agree", mine.toString(), crlfExport.toString(), "--json");

        assertEquals(Cli.OK, fromCrlf.exit(), fromCrlf.toString());
        assertEquals(JSON.readTree(fromProject.out()), JSON.readTree(fromCrlf.out()));
        assertEquals(CliRun.inProcess("diff", "--all", mine.toString(), theirs.toString()).out(),
                CliRun.inProcess("diff", "--all", mine.toString(), crlfExport.toString()).out());
    }

    @Test
    void agreeRefusesMyOwnFileInOneSentence() {
        for (Path same : List.of(mine, folder.resolve("bob").resolve("..").resolve("alice.factspan"))) {
            CliRun run = CliRun.inProcess("agree", mine.toString(), same.toString());

            assertEquals(Cli.BAD_INPUT, run.exit(), run.toString());
            assertEquals(1, run.errLines().size(), run.toString());
            assertTrue(run.err().contains("is your own project"), run.toString());
            assertFalse(run.err().contains("\tat "), run.toString());
            assertEquals("", run.out());
        }
    }

    @Test
    void agreeRefusesAFileSharingNoDocument() throws IOException {
        Path other = folder.resolve("other-article.factspan");
        try (ProjectStore store = ProjectStore.create(other)) {
            Document doc = new ArticleImport(Clock.systemUTC()).importFile(store,
                    SharedFixtures.shared().resolve("seeds").resolve("003_94a362b9198120d3.txt")).document();
            tag(new Editor(store, "bob"), doc, "denial", "They provided no evidence for their claims.");
        }
        byte[] before = Files.readAllBytes(other);

        for (String command : List.of("agree", "diff")) {
            CliRun run = CliRun.inProcess(command, mine.toString(), other.toString());

            assertEquals(Cli.BAD_INPUT, run.exit(), run.toString());
            assertEquals(1, run.errLines().size(), run.toString());
            assertTrue(run.err().contains("shares no document"), run.toString());
            assertFalse(run.err().contains("\tat "), run.toString());
        }
        assertArrayEquals(before, Files.readAllBytes(other));
        assertFalse(Files.exists(Path.of(other + "-wal")) || Files.exists(Path.of(other + "-shm")));
    }

    @Test
    void agreeRefusesACorruptColleaguesFile() throws IOException {
        Path garbage = folder.resolve("garbage.factspan");
        Files.writeString(garbage, "this is not a database\n".repeat(10), StandardCharsets.UTF_8);
        Path truncated = folder.resolve("truncated.factspan");
        byte[] project = Files.readAllBytes(theirs);
        Files.write(truncated, java.util.Arrays.copyOf(project, 1024));
        Path halfExport = folder.resolve("half.json");
        CliRun exported = CliRun.inProcess("export", theirs.toString(), "-o", halfExport.toString());
        assertEquals(Cli.OK, exported.exit(), exported.toString());
        byte[] json = Files.readAllBytes(halfExport);
        Files.write(halfExport, java.util.Arrays.copyOf(json, json.length / 2));

        for (Path corrupt : List.of(garbage, truncated, halfExport)) {
            byte[] before = Files.readAllBytes(corrupt);
            List<String> filesBefore = fileNames(folder);

            CliRun run = CliRun.inProcess("agree", mine.toString(), corrupt.toString());

            assertEquals(Cli.BAD_INPUT, run.exit(), run.toString());
            assertEquals(1, run.errLines().size(), run.toString());
            assertTrue(run.err().contains(corrupt.toString()), run.toString());
            assertFalse(run.err().contains("\tat "), run.toString());
            assertEquals("", run.out());
            assertArrayEquals(before, Files.readAllBytes(corrupt), corrupt + " unchanged");
            assertEquals(filesBefore, fileNames(folder), "nothing appeared beside " + corrupt);
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private static Annotation tag(Editor editor, Document doc, String label, String phrase) {
        int utf16 = doc.text().indexOf(phrase);
        assertTrue(utf16 >= 0, phrase);
        return editor.add(doc, label, doc.index().toCodePoint(utf16),
                doc.index().toCodePoint(utf16 + phrase.length()));
    }

    /** How {@code diff} shows one side: {@code LABEL [START,END) "QUOTE"}, offsets in code points. */
    private String side(String label, String phrase) {
        int start = article.index().toCodePoint(article.text().indexOf(phrase));
        int end = start + phrase.codePointCount(0, phrase.length());
        return label + " [" + start + "," + end + ") \"" + phrase + "\"";
    }

    private static String line(String category, String mineSide, String theirsSide) {
        return String.join("\t", TITLE, category, mineSide, theirsSide);
    }

    private static void assertFigure(double expected, JsonNode labels, String label, String figure) {
        JsonNode value = labels.get(label).get(figure);
        assertTrue(value != null && value.isNumber(), label + "." + figure + " is a number: " + value);
        assertEquals(expected, value.doubleValue(), 1e-12, label + "." + figure);
    }

    private static Set<String> nulls(JsonNode labels) {
        Set<String> nulls = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = labels.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> label = it.next();
            label.getValue().fields().forEachRemaining(f -> {
                if (f.getValue().isNull()) {
                    nulls.add(label.getKey() + "." + f.getKey());
                }
            });
        }
        return nulls;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
