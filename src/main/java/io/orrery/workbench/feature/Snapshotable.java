package io.orrery.workbench.feature;

import javafx.scene.Node;

/** A view that can be saved as a picture (Export > Save ... as PNG): the node to snapshot, and its name. */
public interface Snapshotable {
    Node snapshotNode();

    String name();
}
