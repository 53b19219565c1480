package io.orrery.workbench.feature;

/**
 * A view that can be saved as a picture (the timelines, the trade-off plot): the node to snapshot and a name for
 * the file ("offers-timeline"). Call both on the JavaFX thread.
 */
public interface Snapshotable {
    /** The node whose snapshot is the picture. */
    javafx.scene.Node snapshotNode();

    /** A short name for the picture, usable in a file name. */
    String name();

    /** That node under that name. */
    static Snapshotable of(javafx.scene.Node node, String name) {
        return new Snapshotable() {
            @Override
            public javafx.scene.Node snapshotNode() {
                return node;
            }

            @Override
            public String name() {
                return name;
            }
        };
    }
}
