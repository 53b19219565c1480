package io.orrery.workbench.event;

import java.nio.file.Path;

/** Open this file in the editor (the library asks, on a double-click or Enter). */
public record OpenTask(Path file) {
}
