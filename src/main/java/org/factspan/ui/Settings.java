package org.factspan.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the window remembers between runs: the annotator's name, the last and recent projects, the window's size and
 * dividers, the theme and the zoom. Kept in Java preferences, so nothing lands beside the user's projects.
 *
 * <p>Tests and screenshots pass their own node (system property {@code factspan.preferences}) so they never read or
 * change the user's settings.
 */
public final class Settings {

    private static final int RECENT_LIMIT = 8;

    private final Preferences node;

    public Settings(Preferences node) {
        this.node = node;
    }

    /** The user's settings, or those of the node named by the {@code factspan.preferences} system property. */
    public static Settings forUser() {
        String name = System.getProperty("factspan.preferences", "org/factspan/workbench");
        return new Settings(Preferences.userRoot().node(name));
    }

    public Optional<String> annotator() {
        return Optional.ofNullable(node.get("annotator", null)).filter(s -> !s.isBlank());
    }

    public void setAnnotator(String name) {
        node.put("annotator", name);
    }

    public Optional<Path> lastProject() {
        return Optional.ofNullable(node.get("lastProject", null)).map(Path::of);
    }

    /** Remembers {@code project} as the last one opened and puts it first among the recent ones. */
    public void projectOpened(Path project) {
        String path = project.toAbsolutePath().normalize().toString();
        node.put("lastProject", path);
        List<String> recent = new ArrayList<>(recentNames());
        recent.remove(path);
        recent.add(0, path);
        node.put("recent", String.join("\n", recent.subList(0, Math.min(RECENT_LIMIT, recent.size()))));
    }

    public List<Path> recentProjects() {
        return recentNames().stream().map(Path::of).toList();
    }

    private List<String> recentNames() {
        String recent = node.get("recent", "");
        return recent.isEmpty() ? List.of() : List.of(recent.split("\n"));
    }

    public double get(String key, double fallback) {
        return node.getDouble(key, fallback);
    }

    public void put(String key, double value) {
        node.putDouble(key, value);
    }

    public boolean darkTheme() {
        return node.getBoolean("dark", false);
    }

    public void setDarkTheme(boolean dark) {
        node.putBoolean("dark", dark);
    }

    /** Writes pending settings to disk; the JVM would do it at exit, but a killed process would lose them. */
    public void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // Settings are a convenience; failing to keep them must not stop the user's work.
        }
    }

    /** Removes these settings entirely (for tests). */
    public void clear() {
        try {
            node.removeNode();
        } catch (BackingStoreException e) {
            throw new IllegalStateException(e);
        }
    }
}
