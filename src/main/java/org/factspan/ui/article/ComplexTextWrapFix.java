package org.factspan.ui.article;

import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Works around a JavaFX 21 bug on Linux that garbles wrapped complex text (Arabic, Hebrew, Indic scripts): a word
 * shown twice, glyphs past the right edge, wrong glyphs on the wrapped lines.
 *
 * <p>On Linux JavaFX shapes complex text with Pango. Its {@code PangoGlyphLayout} keeps a per-layout cache
 * {@code runUtf8} that maps each {@code TextRun} (by identity) to the UTF-8 copy of that run's text. When a line
 * wraps inside a run, {@code PrismTextLayout} shortens the run in place ({@code TextRun.split}) and shapes it again;
 * the cache then hands back the text of the whole, unsplit run, so the first line receives the glyphs of every line
 * of the run. The fix swaps that cache, by reflection, for a map that never answers a lookup (it still keeps every
 * buffer so that {@code dispose} frees them): each shaping then converts exactly the run it is given.
 *
 * <p>Only the shared glyph layout that JavaFX reuses for every layout is patched; JavaFX makes a new, unpatched one
 * only while that one is busy on another thread. The fix is a no-op off Linux, and when JavaFX does not open its
 * packages to this code (the module path without {@code --add-opens}) it logs one warning and changes nothing. See
 * docs/decisions/0006-right-to-left-paragraphs.md.
 */
final class ComplexTextWrapFix {

    private static final System.Logger LOG = System.getLogger(ComplexTextWrapFix.class.getName());
    private static final String GLYPH_LAYOUT = "com.sun.javafx.text.GlyphLayout";
    private static final String PANGO_LAYOUT = "com.sun.javafx.font.freetype.PangoGlyphLayout";

    /** What {@link #install()} found; read by tests and by the log. */
    enum Outcome { INSTALLED, NOT_LINUX, NOT_PANGO, DENIED, UNKNOWN_JAVAFX }

    private static Outcome outcome;

    private ComplexTextWrapFix() {
    }

    /** Installs the fix once per JVM; later calls return the first outcome. Call on the JavaFX thread. */
    static synchronized Outcome install() {
        if (outcome == null) {
            outcome = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")
                    ? patchSharedGlyphLayout() : Outcome.NOT_LINUX;
        }
        return outcome;
    }

    private static Outcome patchSharedGlyphLayout() {
        try {
            Field shared = Class.forName(GLYPH_LAYOUT).getDeclaredField("reusableGL");
            shared.setAccessible(true);
            Object layout = shared.get(null);
            if (layout == null || !layout.getClass().getName().equals(PANGO_LAYOUT)) {
                return Outcome.NOT_PANGO;
            }
            Field cache = layout.getClass().getDeclaredField("runUtf8");
            cache.setAccessible(true);
            cache.set(layout, new NeverHitMap<>());
            return Outcome.INSTALLED;
        } catch (ReflectiveOperationException e) {
            // A JavaFX without these fields has changed this code, and may well have fixed the bug.
            LOG.log(System.Logger.Level.WARNING, "Wrapped right-to-left text may show garbled lines: this JavaFX "
                    + "has no Pango run cache to patch (" + e + ")");
            return Outcome.UNKNOWN_JAVAFX;
        } catch (IllegalArgumentException | ClassCastException e) {
            // The fields are there but of other types: the same as a JavaFX that changed this code.
            LOG.log(System.Logger.Level.WARNING, "Wrapped right-to-left text may show garbled lines: this JavaFX "
                    + "keeps its Pango run cache differently (" + e + ")");
            return Outcome.UNKNOWN_JAVAFX;
        } catch (InaccessibleObjectException | SecurityException e) {
            // javafx.graphics is a named module (the module path) that does not open these packages to us.
            LOG.log(System.Logger.Level.WARNING, "Wrapped right-to-left text may show garbled lines: start with "
                    + "--add-opens javafx.graphics/com.sun.javafx.text=ALL-UNNAMED --add-opens "
                    + "javafx.graphics/com.sun.javafx.font.freetype=ALL-UNNAMED (" + e.getMessage() + ")");
            return Outcome.DENIED;
        }
    }

    /**
     * A map whose lookups always miss. It keeps every value put into it, so that the owner can still iterate
     * {@link #values()} to free them and then {@link #clear()} it, as {@code PangoGlyphLayout.dispose} does.
     */
    static final class NeverHitMap<K, V> extends AbstractMap<K, V> {

        private final List<Map.Entry<K, V>> kept = new ArrayList<>();

        @Override
        public V get(Object key) {
            return null;
        }

        @Override
        public boolean containsKey(Object key) {
            return false;
        }

        @Override
        public V put(K key, V value) {
            kept.add(new SimpleImmutableEntry<>(key, value));
            return null;
        }

        @Override
        public Set<Map.Entry<K, V>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Map.Entry<K, V>> iterator() {
                    return kept.iterator();
                }

                @Override
                public int size() {
                    return kept.size();
                }
            };
        }
    }
}
