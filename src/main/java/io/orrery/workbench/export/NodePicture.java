package io.orrery.workbench.export;

import io.orrery.workbench.feature.Snapshotable;
import java.util.function.Supplier;
import javafx.scene.Node;

/** A view that does not say it can be pictured itself, named and found when asked (the offers timeline). */
public record NodePicture(String name, Supplier<Node> node) implements Snapshotable {
    @Override
    public Node snapshotNode() {
        return node.get();
    }
}
