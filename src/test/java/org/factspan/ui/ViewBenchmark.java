package org.factspan.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.prefs.Preferences;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

import org.factspan.format.ArticleImport;
import org.factspan.cli.GeneratedArticle;
import org.factspan.model.Annotation;
import org.factspan.model.Document;
import org.factspan.store.ProjectStore;
import org.factspan.text.Sha256;
import org.factspan.ui.main.MainWindow;
import org.factspan.ui.view.AnnotationStyler;
import org.factspan.ui.view.DisplayText;
import org.factspan.ui.workbench.Workbench;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.StyleClassedTextArea;

/**
 * Measures the article view against its targets (docs/benchmarks.md, "The article view"): the real {@link MainWindow}
 * in a 1360x860 stage, headless under Monocle, driven the way a user drives it. Not a test, so {@code mvn verify}
 * never runs it; timings depend on the machine, so they are printed, never asserted.
 *
 * <pre>
 *   mvn -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 *   java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dheadless.geometry=1920x1080-32 \
 *        -cp target/test-classes:target/classes:$(cat target/cp.txt) org.factspan.ui.ViewBenchmark [PART...]
 * </pre>
 *
 * PART is any of {@code open tag single bare} (default: all, in that order; {@code bare} last, because a capped
 * run leaves the JavaFX thread busy and ends the process). Options: {@code --runs N} warm repetitions of each
 * open (default 7), {@code --tags N} (default 200), {@code --cap S} seconds for the bare area (default 60),
 * {@code --sotu FILE} the single-line speech (default: found in the shared folder).
 *
 * <p>"Interactive" means: {@code Workbench.openDocument} has returned and JavaFX has run pulses (CSS, layout, sync
 * to the render graph) until neither the text area nor its scroll pane needs layout. Painting happens afterwards on
 * the render thread, concurrently; it is not included.
 */
public final class ViewBenchmark {

    private static final String[] LABELS = {"claim", "denial", "evidence", "attribution"};
    private static final long TIMEOUT_S = 300;

    private final int runs;
    private final int tags;
    private final int warmup;
    private final int pauseMs;
    private final int capSeconds;
    private final Path sotu;
    private Scene scene;
    private Workbench workbench;
    private StyleClassedTextArea area;
    private final List<Runnable> pulseWaiters = new ArrayList<>();
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
    /** Stamps of one tag, written on the FX thread by the listeners around the view's own. */
    private long committedAt;
    private long listenersDoneAt;

    private ViewBenchmark(int runs, int tags, int warmup, int pauseMs, int capSeconds, Path sotu) {
        this.runs = runs;
        this.tags = tags;
        this.warmup = warmup;
        this.pauseMs = pauseMs;
        this.capSeconds = capSeconds;
        this.sotu = sotu;
    }

    public static void main(String[] args) throws Exception {
        List<String> parts = new ArrayList<>();
        int runs = 7;
        int tags = 200;
        int warmup = 100;
        int pause = 150;
        int cap = 60;
        Path sotu = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--tags" -> tags = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--pause" -> pause = Integer.parseInt(args[++i]);
                case "--cap" -> cap = Integer.parseInt(args[++i]);
                case "--sotu" -> sotu = Path.of(args[++i]);
                case "open", "tag", "single", "bare" -> parts.add(args[i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; use [open] [tag] [single] [bare] [--runs N] [--tags N] [--warmup N] [--pause MS]"
                        + " [--cap S]"
                        + " [--sotu FILE]");
            }
        }
        if (parts.isEmpty()) {
            parts = List.of("open", "tag", "single", "bare");
        }
        int code = 1;
        try {
            code = new ViewBenchmark(runs, tags, warmup, pause, cap, sotu != null ? sotu : findSotu()).run(parts);
        } catch (Exception | Error e) {
            e.printStackTrace();
        }
        System.exit(code); // the JavaFX thread is not a daemon
    }

    private int run(List<String> parts) throws Exception {
        System.out.printf(Locale.ROOT, "FactSpan view benchmark: Java %s, %d cores, glass %s/%s, prism %s%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                System.getProperty("glass.platform"), System.getProperty("monocle.platform"),
                System.getProperty("prism.order"));
        Path dir = Files.createTempDirectory("factspan-viewbench");
        String prefs = "org/factspan/viewbench-" + ProcessHandle.current().pid();
        try {
            Path file = dir.resolve("bench" + ProjectStore.EXTENSION);
            long t = System.nanoTime();
            Docs docs = createProject(file);
            System.out.printf(Locale.ROOT, "project written in %.1f s%n", (System.nanoTime() - t) / 1e9);

            Platform.startup(() -> { });
            Settings settings = new Settings(Preferences.userRoot().node(prefs));
            onFx(() -> {
                Stage stage = new Stage();
                Tasks tasks = Tasks.background();
                workbench = new Workbench(tasks, Clock.systemUTC(), "bench");
                // Before the window's listeners: stamps the moment the edit is committed and in the list.
                workbench.annotations().addListener((ListChangeListener<Annotation>) c -> committedAt = System.nanoTime());
                MainWindow window = new MainWindow(stage, workbench, settings, tasks);
                // After them: the article view (and the table) have reacted to the edit.
                workbench.annotations().addListener((ListChangeListener<Annotation>) c ->
                        listenersDoneAt = System.nanoTime());
                scene = stage.getScene();
                scene.addPostLayoutPulseListener(this::onPulse);
                window.show();
                window.openProject(file);
                area = (StyleClassedTextArea) scene.lookup(".article");
                return null;
            });
            settle();
            System.out.printf(Locale.ROOT, "window %.0fx%.0f, article area %.0fx%.0f%n", scene.getWidth(),
                    scene.getHeight(), area.getWidth(), area.getHeight());

            for (String part : parts) {
                switch (part) {
                    case "open" -> open("1 MB article, 20,000 annotations", docs.big, docs.small, 1000);
                    case "tag" -> tag(docs);
                    case "single" -> single(docs);
                    case "bare" -> {
                        if (!bare()) {
                            return 0; // the JavaFX thread is still laying out; nothing more can run
                        }
                    }
                    default -> throw new AssertionError(part);
                }
            }
            onFx(() -> {
                workbench.closeProject();
                return null;
            });
            return 0;
        } finally {
            try {
                settings(prefs);
            } finally {
                deleteTree(dir);
            }
        }
    }

    // ---- the project ----------------------------------------------------------------------------------------------

    private record Docs(String small, String big, String sotu, String bigLine) {
    }

    private Docs createProject(Path file) {
        try (ProjectStore store = ProjectStore.create(file)) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            String[] ids = new String[4];
            store.inTransaction(() -> {
                // Ordered by import time: the small one is what the window opens first.
                ids[0] = add(store, "small", GeneratedArticle.text(2_000, 7), now, 0);
                ids[1] = add(store, "1 MB, 20k annotations", GeneratedArticle.text(1_000_000, 1), now.plusMillis(1), 20_000);
                String line = GeneratedArticle.text(1_000_000, 2).replace("\n\n", " ").strip();
                ids[3] = add(store, "1 MB single line, 20k annotations", line, now.plusMillis(3), 20_000);
            });
            if (sotu != null && Files.isRegularFile(sotu)) {
                Document speech = new ArticleImport(Clock.fixed(now.plusMillis(2), java.time.ZoneOffset.UTC)).importFile(store, sotu).document();
                ids[2] = speech.id();
                System.out.printf(Locale.ROOT, "speech: %s, %,d UTF-16 units, %d line breaks%n", sotu.getFileName(),
                        speech.text().length(), speech.text().chars().filter(ch -> ch == '\n').count());
            }
            return new Docs(ids[0], ids[1], ids[2], ids[3]);
        }
    }

    /** A document with {@code count} annotations spread over it: mixed labels, a tenth long ones over others. */
    private static String add(ProjectStore store, String title, String text, Instant at, int count) {
        Document doc = store.addDocumentIfAbsent(new Document(UUID.randomUUID().toString(), title, null,
                Sha256.hex(text), text, at));
        int length = doc.length();
        Random random = new Random(title.hashCode());
        for (int i = 0; i < count; i++) {
            int step = length / count;
            int start = i * step + random.nextInt(Math.max(1, step / 2));
            int span = i % 10 == 0 ? 100 + random.nextInt(300) : 5 + random.nextInt(40);
            int end = Math.min(length, start + span);
            store.insert(new Annotation(UUID.randomUUID().toString(), doc.id(), LABELS[random.nextInt(4)], start, end,
                    doc.index().slice(start, end), "bench", at, at, i % 10 == 3 ? "checked" : null));
        }
        return doc.id();
    }

    // ---- (a) and (c): opening -------------------------------------------------------------------------------------

    /** Opens {@code id} once in a fresh state and {@code runs} more times, each after opening {@code other}. */
    private double[] open(String what, String id, String other, double targetMs) throws Exception {
        long[] total = new long[runs + 1];
        long[] call = new long[runs + 1];
        long[] scroll = new long[runs + 1];
        long[] leave = new long[runs];
        for (int r = 0; r <= runs; r++) {
            long left = timeToSettled(() -> workbench.openDocument(other))[1];
            if (r > 0) {
                leave[r - 1] = left;
            }
            gc();
            long[] t = timeToSettled(() -> workbench.openDocument(id));
            call[r] = t[0];
            total[r] = t[1];
            // Scrollable: jump to the middle, then one page on.
            scroll[r] = timeToSettled(() -> area.showParagraphAtTop(area.getParagraphs().size() / 2))[1]
                    + timeToSettled(() -> area.scrollYBy(area.getHeight()))[1];
        }
        int paragraphs = onFx(() -> area.getParagraphs().size());
        long[] warm = Arrays.copyOfRange(total, 1, total.length);
        System.out.printf(Locale.ROOT, "open %s (%,d display paragraphs, %,d annotations): first %.0f ms,"
                        + " warm median %.0f ms (min %.0f, max %.0f; openDocument itself %.0f ms), then scroll to the"
                        + " middle and a page on %.0f ms - target < %.0f ms%n", what, paragraphs,
                workbench.annotations().size(), ms(total[0]), ms(median(warm)), ms(min(warm)), ms(max(warm)),
                ms(median(Arrays.copyOfRange(call, 1, call.length))),
                ms(median(Arrays.copyOfRange(scroll, 1, scroll.length))), targetMs);
        long[] load = new long[runs];
        onFx(() -> {
            ProjectStore store = workbench.project().orElseThrow();
            for (int r = 0; r < load.length; r++) {
                long t0 = System.nanoTime();
                store.document(id).orElseThrow();
                List<Annotation> loaded = new ArrayList<>(store.annotations(id));
                loaded.sort(org.factspan.model.Annotation.READING_ORDER);
                load[r] = System.nanoTime() - t0;
            }
            return null;
        });
        System.out.printf(Locale.ROOT, "  of which the project file (document and annotations read, sorted): median"
                + " %.0f ms; leaving it for a small document takes %.0f ms more%n", ms(median(load)), ms(median(leave)));
        return new double[] {ms(total[0]), ms(median(warm))};
    }

    // ---- (b): tagging ---------------------------------------------------------------------------------------------

    private void tag(Docs docs) throws Exception {
        timeToSettled(() -> workbench.openDocument(docs.big));
        Random random = new Random(42);
        int paragraphs = onFx(() -> area.getParagraphs().size());
        long[] total = new long[tags];
        long[] committed = new long[tags];
        long[] listeners = new long[tags];
        long[] handler = new long[tags];
        long[] cpu = new long[tags];
        long[] pulses = new long[tags];
        // The first tags are not recorded: the JIT compiles the path meanwhile, as it has in any minute of real use.
        for (int i = -warmup; i < tags; i++) {
            int paragraph = nonEmpty(random, paragraphs);
            int key = 1 + Math.floorMod(i, LABELS.length);
            // Untimed: bring a paragraph into view and select some words in it, as the user does before the key.
            timeToSettled(() -> {
                area.showParagraphAtTop(paragraph);
                int start = area.getAbsolutePosition(paragraph, 0);
                int length = area.getParagraphLength(paragraph);
                int from = start + random.nextInt(Math.max(1, length - 60));
                area.selectRange(from, Math.min(start + length, from + 10 + random.nextInt(50)));
            });
            // A person reads the selection before pressing the key. Without this pause the timed pulse waited for
            // the render thread, still painting the scrolled page in software (docs/benchmarks.md).
            Thread.sleep(pauseMs);
            int before = workbench.annotations().size();
            committedAt = 0;
            listenersDoneAt = 0;
            TimedTag event = new TimedTag();
            long[] t = timeToSettled(() -> {
                event.begin();
                area.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, String.valueOf(key), String.valueOf(key),
                        KeyCode.getKeyCode(String.valueOf(key)), false, false, false, false));
            });
            event.commit();
            if (workbench.annotations().size() != before + 1) {
                throw new IllegalStateException("tag " + i + " did not add an annotation: "
                        + workbench.messageProperty().get());
            }
            if (i < 0) {
                continue;
            }
            long start = t[2];
            total[i] = t[1];
            committed[i] = committedAt - start;
            listeners[i] = listenersDoneAt - start;
            handler[i] = t[0];
            cpu[i] = t[4];
            pulses[i] = t[3];
        }
        System.out.printf(Locale.ROOT, "tag a span (key press to view settled) on the 1 MB article with 20,000+"
                        + " annotations, %d times: median %.1f ms, p99 %.1f ms, max %.1f ms - target median < 16 ms%n",
                tags, ms(median(total)), ms(p99(total)), ms(max(total)));
        System.out.printf(Locale.ROOT, "  of which (medians, cumulative from the key press): edit committed and in"
                        + " the list %.1f ms; view and table list listeners done %.1f ms; key handler returned %.1f ms;"
                        + " pulse(s) %.1f ms%n", ms(median(committed)), ms(median(listeners)), ms(median(handler)),
                ms(median(total)) - ms(median(handler)));
        for (int n = 1; n <= 3; n++) {
            int count = n;
            long[] these = java.util.stream.IntStream.range(0, tags).filter(k -> pulses[k] == count)
                    .mapToLong(k -> total[k]).toArray();
            if (these.length > 0) {
                System.out.printf(Locale.ROOT, "  settled after %d pulse(s): %d tags, median %.1f ms%n", count,
                        these.length, ms(median(these)));
            }
        }
        System.out.printf(Locale.ROOT, "  CPU time of the JavaFX thread over the same: median %.1f ms, p99 %.1f ms%n",
                ms(median(cpu)), ms(p99(cpu)));
        components(docs);
    }

    /**
     * Marks each timed tag in a flight recording, so that a profile can be cut down to the timed part (run with
     * {@code -XX:StartFlightRecording=...}; see docs/benchmarks.md).
     */
    @jdk.jfr.Name("org.factspan.TimedTag")
    @jdk.jfr.Label("Timed tag")
    static final class TimedTag extends jdk.jfr.Event {
    }

    /** A random display paragraph long enough to select words in (the blank lines between paragraphs are not). */
    private int nonEmpty(Random random, int paragraphs) throws Exception {
        return onFx(() -> {
            int p = random.nextInt(paragraphs);
            while (area.getParagraphLength(p) < 80) {
                p = (p + 1) % paragraphs;
            }
            return p;
        });
    }

    /** The view's own steps, timed alone on the same document, to say which one dominates a tag. */
    private void components(Docs docs) throws Exception {
        long[] rebuild = new long[30];
        long[] styles = new long[30];
        long[] apply = new long[30];
        onFx(() -> {
            Document doc = workbench.document();
            DisplayText display = new DisplayText(doc.text());
            for (int i = 0; i < rebuild.length; i++) {
                long t0 = System.nanoTime();
                AnnotationStyler styler = new AnnotationStyler(workbench.annotations(), doc.index(), display,
                        workbench.labels(), Set.of());
                long t1 = System.nanoTime();
                int from = display.displayText().length() / rebuild.length * i;
                var spans = styler.styles(from, from + 40, null);
                long t2 = System.nanoTime();
                area.setStyleSpans(from, spans);
                long t3 = System.nanoTime();
                rebuild[i] = t1 - t0;
                styles[i] = t2 - t1;
                apply[i] = t3 - t2;
            }
            return null;
        });
        System.out.printf(Locale.ROOT, "  view steps alone (medians): new AnnotationStyler over %,d annotations"
                        + " %.2f ms; styles for a 40-unit range %.3f ms; setStyleSpans there %.3f ms%n",
                workbench.annotations().size(), ms(median(rebuild)), ms(median(styles)), ms(median(apply)));
    }

    // ---- (c) and (d): single lines --------------------------------------------------------------------------------

    private double sotuWarm = -1;

    private void single(Docs docs) throws Exception {
        if (docs.sotu == null) {
            System.out.println("open the single-line speech: skipped, " + sotu + " is absent (pass --sotu FILE)");
        } else {
            sotuWarm = open("174 KB single-line speech (1946 Truman)", docs.sotu, docs.small, 1000)[1];
        }
        open("1 MB single-line article, 20,000 annotations", docs.bigLine, docs.small, 1000);
    }

    /**
     * The speech in a bare StyleClassedTextArea, unsplit: shown, restyled in one place (what a tag does), and styled
     * the way 20,000 annotations per megabyte style it. False when a step ran over the cap (the FX thread is busy).
     */
    private boolean bare() throws Exception {
        if (sotu == null || !Files.isRegularFile(sotu)) {
            System.out.println("bare text area: skipped, the speech is absent");
            return true;
        }
        String text = org.factspan.text.ArticleReader.read(sotu).text();
        StyleClassedTextArea bare = onFx(() -> {
            StyleClassedTextArea created = new StyleClassedTextArea(false);
            created.setEditable(false);
            created.setWrapText(true);
            created.getStyleClass().add("article");
            Scene bareScene = new Scene(new VirtualizedScrollPane<>(created), 1360, 860);
            bareScene.getStylesheets().addAll(scene.getStylesheets());
            bareScene.getStylesheets().addAll(area.getStylesheets());
            bareScene.addPostLayoutPulseListener(this::onPulse);
            Stage stage = new Stage();
            stage.setScene(bareScene);
            stage.show();
            return created;
        });
        settle();
        System.out.printf(Locale.ROOT, "bare StyleClassedTextArea, the same %,d-unit line unsplit:%n", text.length());
        long[] shown = settleCapped(bare, () -> bare.replaceText(text));
        if (shown == null) {
            return false;
        }
        System.out.printf(Locale.ROOT, "  replaceText to settled %.2f s (replaceText itself %.0f ms; one paragraph,"
                + " %,.0f px high)%n", shown[1] / 1e9, ms(shown[0]), bare.getTotalHeightEstimate());
        long[] restyle = settleCapped(bare, () -> bare.setStyleClass(1_000, 1_040, "ann-fill-0"));
        if (restyle == null) {
            return false;
        }
        System.out.printf(Locale.ROOT, "  restyle 40 characters in it (one tag), to settled: %.0f ms%n",
                ms(restyle[1]));
        // 20,000 annotations per MB: a styled run of about 25 characters every 50.
        var builder = new org.fxmisc.richtext.model.StyleSpansBuilder<java.util.Collection<String>>();
        for (int at = 0; at < text.length(); at += 50) {
            int plain = Math.min(25, text.length() - at);
            builder.add(List.of(), plain);
            if (text.length() - at - plain > 0) {
                builder.add(List.of("ann", "ann-fill-" + (at / 50 % 4)), Math.min(25, text.length() - at - plain));
            }
        }
        var spans = builder.create();
        long[] styled = settleCapped(bare, () -> bare.setStyleSpans(0, spans));
        if (styled == null) {
            return false;
        }
        System.out.printf(Locale.ROOT, "  style it as %,d annotations would (%,d spans), to settled: %.1f s%n",
                text.length() / 50, spans.getSpanCount(), styled[1] / 1e9);
        long[] again = settleCapped(bare, () -> bare.setStyleClass(1_000, 1_040, "ann-fill-1"));
        if (again == null) {
            return false;
        }
        System.out.printf(Locale.ROOT, "  then restyle 40 characters (one tag), to settled: %.0f ms", ms(again[1]));
        if (sotuWarm > 0) {
            System.out.printf(Locale.ROOT, "; the split view opened this speech in %.0f ms (warm median)", sotuWarm);
        }
        System.out.println();
        return true;
    }

    /** As {@link #timeToSettled} for another area, giving up after the cap: null then. */
    private long[] settleCapped(StyleClassedTextArea target, Runnable action) throws Exception {
        StyleClassedTextArea saved = area;
        area = target;
        try {
            return timeToSettled(action, capSeconds);
        } catch (TimeoutException e) {
            System.out.printf(Locale.ROOT, "  over %d s (not settled; stopped waiting)%n", capSeconds);
            return null;
        } finally {
            area = saved;
        }
    }

    // ---- timing on the JavaFX thread ------------------------------------------------------------------------------

    private void onPulse() {
        List<Runnable> waiting = List.copyOf(pulseWaiters);
        pulseWaiters.clear();
        waiting.forEach(Runnable::run);
    }

    /**
     * Runs {@code action} on the FX thread and waits for the pulses after it until the article area and its scroll
     * pane need no more layout. Returns {action ns, settled ns, start nanoTime, pulses}; settled is measured in a
     * runLater after the last pulse, so that pulse (including its sync to the render graph) is complete. The fifth
     * value is the CPU time the JavaFX thread spent in between, which other processes on the machine barely change.
     */
    private long[] timeToSettled(Runnable action) throws Exception {
        return timeToSettled(action, TIMEOUT_S);
    }

    private long[] timeToSettled(Runnable action, long timeoutSeconds) throws Exception {
        CompletableFuture<long[]> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            long t0 = System.nanoTime();
            long cpu0 = CPU.getCurrentThreadCpuTime();
            try {
                action.run();
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
                return;
            }
            long t1 = System.nanoTime();
            int[] pulses = {0};
            Runnable[] waiter = new Runnable[1];
            waiter[0] = () -> {
                pulses[0]++;
                if (needsLayout() && pulses[0] < 20) {
                    pulseWaiters.add(waiter[0]);
                    Platform.requestNextPulse();
                } else {
                    Platform.runLater(() -> result.complete(new long[] {t1 - t0, System.nanoTime() - t0, t0,
                        pulses[0], CPU.getCurrentThreadCpuTime() - cpu0}));
                }
            };
            pulseWaiters.add(waiter[0]);
            Platform.requestNextPulse();
        });
        return result.get(timeoutSeconds, TimeUnit.SECONDS);
    }

    private boolean needsLayout() {
        for (Parent p = area; p != null; p = p.getParent()) {
            if (p.isNeedsLayout()) {
                return true;
            }
        }
        return false;
    }

    private void settle() throws Exception {
        timeToSettled(() -> { });
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(TIMEOUT_S, TimeUnit.SECONDS);
    }

    private static void gc() {
        System.gc();
    }

    // ---- odds and ends --------------------------------------------------------------------------------------------

    private static Path findSotu() {
        Path relative = Path.of("fixtures", "external", "long-texts-sotu", "1946_harry_s_truman_d.txt");
        String property = System.getProperty("factspan.shared");
        if (property != null) {
            return Path.of(property).resolve(relative);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static void settings(String node) {
        try {
            Preferences.userRoot().node(node).removeNode();
        } catch (java.util.prefs.BackingStoreException e) {
            // only our own throwaway node
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long p99(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)];
    }

    private static long min(long[] values) {
        return Arrays.stream(values).min().orElse(0);
    }

    private static long max(long[] values) {
        return Arrays.stream(values).max().orElse(0);
    }
}
