package org.factspan.ui.main;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * Holds one panel so that a change inside it is laid out here and goes no further. Tagging on a long article
 * changes the article, the table, the details and the document count all at once; without a boundary each of them
 * asked the whole window to measure and lay out its panels again, a few milliseconds of every tag.
 *
 * <p>JavaFX stops a layout request at a node that is not managed; this pane takes over the managing: it gives the
 * panel its own bounds and reports the panel's sizes as its own, as measured when first asked. A later change of the
 * panel's minimum or preferred size is not seen. So it suits only panels whose size comes from the window and the
 * split pane's dividers (the side panels and the article), not from what they show; the status bar, whose height
 * follows its font, is not wrapped (its counts change with every tag, but the window's other panels answer the
 * re-measuring from their caches).
 */
final class LayoutBoundary extends Region {

    private final Node content;

    LayoutBoundary(Node content) {
        this.content = content;
        content.setManaged(false);
        getChildren().add(content);
        getStyleClass().add("layout-boundary");
    }

    @Override
    protected void layoutChildren() {
        Insets insets = getInsets();
        content.resizeRelocate(insets.getLeft(), insets.getTop(), getWidth() - insets.getLeft() - insets.getRight(),
                getHeight() - insets.getTop() - insets.getBottom());
    }

    @Override
    protected double computeMinWidth(double height) {
        return content.minWidth(height) + horizontalInsets();
    }

    @Override
    protected double computeMinHeight(double width) {
        return content.minHeight(width) + verticalInsets();
    }

    @Override
    protected double computePrefWidth(double height) {
        return content.prefWidth(height) + horizontalInsets();
    }

    @Override
    protected double computePrefHeight(double width) {
        return content.prefHeight(width) + verticalInsets();
    }

    private double horizontalInsets() {
        return getInsets().getLeft() + getInsets().getRight();
    }

    private double verticalInsets() {
        return getInsets().getTop() + getInsets().getBottom();
    }
}
