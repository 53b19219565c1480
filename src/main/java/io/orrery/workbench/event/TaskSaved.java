package io.orrery.workbench.event;

import java.nio.file.Path;

/** The editor saved its task to this file (the library lists it). */
public record TaskSaved(Path file) {
}
