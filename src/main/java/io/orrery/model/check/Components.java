package io.orrery.model.check;

import io.orrery.model.ComputeResource;
import io.orrery.model.DataResource;
import io.orrery.model.Executable;
import io.orrery.model.StorageResource;
import java.util.List;

/** The components of a request or session, and the pointer of the document they sit in. */
record Components(Executable executable, ComputeResource compute, List<StorageResource> storage,
                  List<DataResource> data, String base) {

    List<StorageResource> storageList() {
        return storage == null ? List.of() : storage;
    }

    List<DataResource> dataList() {
        return data == null ? List.of() : data;
    }
}
