package org.factspan.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** The menus' accelerators are the key table's. */
class MenuKeysTest extends FxRobot {

    @TempDir
    Path dir;

    private WindowHarness harness;

    @AfterEach
    void closeWindow() throws Exception {
        harness.dispose();
    }

    @Test
    void everyMenuAcceleratorIsTheTablesAndEveryWindowKeyHasItsMenuItem() throws Exception {
        harness = WindowHarness.open(this, Tasks.inline(), dir.resolve("p.factspan"));
        List<MenuItem> items = WindowHarness.onFx(() -> {
            List<MenuItem> all = new ArrayList<>();
            MenuBar bar = from(harness.stage().getScene().getRoot()).lookup(".menu-bar").queryAs(MenuBar.class);
            bar.getMenus().forEach(menu -> collect(menu, all));
            return all;
        });
        Set<Keys> inMenus = EnumSet.noneOf(Keys.class);
        for (MenuItem item : items) {
            KeyCombination accelerator = item.getAccelerator();
            if (accelerator == null) {
                continue;
            }
            Keys action = assertInstanceOf(Keys.class, item.getUserData(), item.getText() + " names its action");
            assertEquals(action.accelerator(), accelerator, item.getText());
            inMenus.add(action);
        }
        for (Keys action : Keys.values()) {
            if (action.context() == Keys.Context.WINDOW) {
                assertTrue(inMenus.contains(action), action + " is in a menu");
            }
        }
        assertTrue(inMenus.containsAll(EnumSet.of(Keys.DELETE_ANNOTATION, Keys.EDIT_NOTE, Keys.NEXT_DIFFERENCE,
                Keys.PREVIOUS_DIFFERENCE)), "the menus' article and review items: " + inMenus);
    }

    private static void collect(Menu menu, List<MenuItem> into) {
        for (MenuItem item : menu.getItems()) {
            into.add(item);
            if (item instanceof Menu submenu) {
                collect(submenu, into);
            }
        }
    }
}
