package io.orrery.model.check;

import io.orrery.model.Component;
import io.orrery.model.DataResource;
import io.orrery.model.SimpleVolumeMount;
import io.orrery.model.VolumeMount;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Names are unique; data name existing storage; volume mounts name one data or storage item each. */
final class ReferenceChecks {
    private ReferenceChecks() {}

    static void check(Components c, List<Finding> out) {
        String base = c.base();
        Map<String, String> names = new HashMap<>();
        name(c.executable(), base + "/executable", names, out);
        name(c.compute(), base + "/compute", names, out);
        List<VolumeMount> volumes = c.compute() == null || c.compute().volumes() == null ? List.of() : c.compute().volumes();
        for (int i = 0; i < volumes.size(); i++) {
            name(volumes.get(i), base + "/compute/volumes/" + i, names, out);
        }
        for (int i = 0; i < c.storageList().size(); i++) {
            name(c.storageList().get(i), base + "/storage/" + i, names, out);
        }
        for (int i = 0; i < c.dataList().size(); i++) {
            name(c.dataList().get(i), base + "/data/" + i, names, out);
        }
        Set<String> storage = ids(c.storageList());
        Set<String> data = ids(c.dataList());
        for (int i = 0; i < c.dataList().size(); i++) {
            DataResource d = c.dataList().get(i);
            if (d.storage() != null && !storage.contains(d.storage())) {
                out.add(Finding.error(base + "/data/" + i + "/storage", "storage '" + d.storage()
                        + "' names no storage item in this request" + known("storage", storage)));
            }
        }
        mounts(volumes, base + "/compute/volumes/", storage, data, out);
    }

    private static void mounts(List<VolumeMount> volumes, String prefix, Set<String> storage, Set<String> data,
                               List<Finding> out) {
        Map<String, Integer> paths = new HashMap<>();
        for (int i = 0; i < volumes.size(); i++) {
            if (!(volumes.get(i) instanceof SimpleVolumeMount v)) {
                continue;
            }
            String p = prefix + i;
            if (v.resource() == null || v.resource().isBlank()) {
                out.add(Finding.error(p, "a volume mount needs resource: the name of a data or storage item"));
            } else if (data.contains(v.resource()) && storage.contains(v.resource())) {
                out.add(Finding.error(p + "/resource", "'" + v.resource() + "' names both a data and a storage item:"
                        + " rename one"));
            } else if (!data.contains(v.resource()) && !storage.contains(v.resource())) {
                Set<String> all = new java.util.TreeSet<>(data);
                all.addAll(storage);
                out.add(Finding.error(p + "/resource", "'" + v.resource() + "' names no data or storage item in this"
                        + " request" + known("data or storage", all)));
            }
            if (v.mode() != null && !v.mode().equals("READONLY") && !v.mode().equals("READWRITE")) {
                out.add(Finding.error(p + "/mode", "mode '" + v.mode() + "' must be READONLY or READWRITE"));
            }
            if (v.path() != null) {
                if (!v.path().startsWith("/")) {
                    out.add(Finding.error(p + "/path", "mount path '" + v.path() + "' must be absolute"));
                }
                Integer other = paths.putIfAbsent(v.path(), i);
                if (other != null) {
                    out.add(Finding.error(p + "/path", "mount path '" + v.path() + "' is already used by volume "
                            + other));
                }
            }
        }
    }

    private static void name(Component c, String pointer, Map<String, String> seen, List<Finding> out) {
        if (c == null || c.name() == null) {
            return;
        }
        String first = seen.putIfAbsent(c.name(), pointer);
        if (first != null) {
            out.add(Finding.error(pointer + "/meta/name", "the name '" + c.name() + "' is already used at "
                    + ParsedPointers.dotted(first) + ": names must be unique in a request"));
        }
    }

    /** Names and UUIDs by which components may be referred to. */
    private static Set<String> ids(List<? extends Component> items) {
        Set<String> out = new java.util.HashSet<>();
        for (Component c : items) {
            if (c.meta() != null) {
                if (c.meta().name() != null) {
                    out.add(c.meta().name());
                }
                if (c.meta().uuid() != null) {
                    out.add(c.meta().uuid());
                }
            }
        }
        return out;
    }

    private static String known(String what, Set<String> names) {
        if (names.isEmpty()) {
            return " (there is no " + what + " item)";
        }
        return " (known: " + String.join(", ", new ArrayList<>(new java.util.TreeSet<>(names))) + ")";
    }

}
