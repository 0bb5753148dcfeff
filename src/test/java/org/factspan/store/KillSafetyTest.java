package org.factspan.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.factspan.edit.Editor;
import org.factspan.model.Annotation;
import org.factspan.model.Document;
import org.factspan.text.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM edits a project as fast as it can and reports each edit once the editor has returned; it is killed
 * with SIGKILL mid-stream. Every edit it reported must be in the file, and the file must be intact.
 */
class KillSafetyTest {

    private static final int ACKNOWLEDGED_BEFORE_KILL = 400;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedEditSurvivesSigkill() throws Exception {
        Path file = dir.resolve("killed.factspan");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Child.class.getName(), file.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        List<String> acknowledged = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                acknowledged.add(line);
                if (acknowledged.size() == ACKNOWLEDGED_BEFORE_KILL) {
                    // Through the handle: Process.destroyForcibly would also close the pipe still being read.
                    child.toHandle().destroyForcibly();
                }
            }
        }
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, child.exitValue(), "the child was killed by SIGKILL, not finished");
        assertTrue(acknowledged.size() >= ACKNOWLEDGED_BEFORE_KILL);

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
            r.next();
            assertEquals("ok", r.getString(1));
        }
        try (ProjectStore store = ProjectStore.open(file)) {
            for (String ack : acknowledged) {
                String[] parts = ack.split(" ");
                Annotation stored = store.annotation(parts[1]).orElseThrow(() -> new AssertionError("lost " + ack));
                if (parts[0].equals("relabel")) {
                    assertEquals("denial", stored.label(), ack);
                }
            }
        }
    }

    /** The child: adds annotations and relabels every fifth one, printing each edit after it returns. */
    public static final class Child {

        public static void main(String[] args) {
            String text = "word ".repeat(100_000);
            try (ProjectStore store = ProjectStore.create(Path.of(args[0]))) {
                Document doc = store.addDocumentIfAbsent(
                        new Document("d1", "words", null, Sha256.hex(text), text, java.time.Instant.now()));
                Editor editor = new Editor(store, "child");
                for (int i = 0; i < 100_000; i++) {
                    Annotation a = editor.add(doc, "claim", i * 5, i * 5 + 4);
                    System.out.println("add " + a.id());
                    if (i % 5 == 4) {
                        editor.relabel(a.id(), "denial");
                        System.out.println("relabel " + a.id());
                    }
                    System.out.flush();
                }
            }
        }
    }
}
