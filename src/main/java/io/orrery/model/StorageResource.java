package io.orrery.model;

import java.util.List;

/** AbstractStorageResource: space for data and results; {@code data} lists what the broker put there. */
public sealed interface StorageResource extends LifecycleComponent permits SimpleStorage, UnknownStorage {
    List<String> data();
}
