package io.orrery.model.check;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.orrery.model.Component;
import io.orrery.model.ComputeResource;
import io.orrery.model.DataResource;
import io.orrery.model.Executable;
import io.orrery.model.Kind;
import io.orrery.model.SimpleCompute;
import io.orrery.model.StorageResource;
import io.orrery.model.UnknownCompute;
import io.orrery.model.UnknownData;
import io.orrery.model.UnknownExecutable;
import io.orrery.model.UnknownStorage;
import io.orrery.model.UnknownVolumeMount;
import io.orrery.model.VolumeMount;
import io.orrery.model.codec.Dialect;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks a model and reports what it does not know: missing, unknown and template kinds, and fields no schema
 * defines. All are kept and written back; unknown things are warnings, since extension is normal in this standard.
 */
final class KindChecks {
    /** Record components by class, read once (reflection is slow on a hot path). */
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };
    private static final Set<String> HARDWARE = Set.of("gpus", "gpu", "accelerators", "fpga", "fpgas");
    private static final Map<String, String> LEGACY_FIELDS = Map.of(
            "ExecutionRequest.name", "a request 'name' belongs to the 2025 formats: newer brokers ignore it or answer"
                    + " HTTP 400; it is kept, and left out only if you remove it",
            "ExecutionRequest.description", "a request 'description' belongs to the 2025 formats: newer brokers"
                    + " ignore it or answer HTTP 400",
            "Requested.maxDuration", "a most-duration (the 2023 draft's duration.max) has no place in newer formats:"
                    + " it is kept, but brokers of newer formats will not see it");

    private KindChecks() {}

    static void walk(Object node, String pointer, List<Finding> out) {
        if (node == null) {
            return;
        }
        if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), pointer + "/" + i, out);
            }
            return;
        }
        if (!(node instanceof Record record)) {
            return;
        }
        if (node instanceof Component c) {
            kind(c, pointer, out);
        }
        boolean unknownKind = node instanceof UnknownExecutable || node instanceof UnknownCompute
                || node instanceof UnknownStorage || node instanceof UnknownData || node instanceof UnknownVolumeMount;
        for (RecordComponent rc : COMPONENTS.get(record.getClass())) {
            Object value = read(rc, record);
            if (rc.getName().equals("extras")) {
                if (!unknownKind) {
                    extras(node, (Map<?, ?>) value, pointer, out);
                }
            } else if (value instanceof Record || value instanceof List<?>) {
                walk(value, pointer + "/" + jsonName(rc), out);
            }
        }
    }

    private static void kind(Component c, String pointer, List<Finding> out) {
        boolean needsKind = c instanceof Executable || c instanceof ComputeResource || c instanceof StorageResource
                || c instanceof DataResource || c instanceof VolumeMount;
        if (c.kind() == null || c.kind().isBlank()) {
            if (needsKind) {
                out.add(Finding.error(pointer, "kind is missing: every component needs a kind URI saying what it is"));
            }
            return;
        }
        var ref = Dialect.parseUri(c.kind());
        if (ref.isEmpty()) {
            out.add(Finding.warning(pointer + "/kind", "unknown kind '" + c.kind() + "': kept as written; a broker"
                    + " that does not know it will answer NO (some answer HTTP 400)"));
        } else if (ref.get().kind().isTemplate()) {
            Kind k = ref.get().kind();
            out.add(Finding.warning(pointer + "/kind", "template placeholder '" + k.baseName() + "': fine to save,"
                    + " but replace it with a concrete " + k.family() + " kind before sending"));
        }
    }

    private static void extras(Object owner, Map<?, ?> extras, String pointer, List<Finding> out) {
        if (extras == null) {
            return;
        }
        for (Object key : extras.keySet()) {
            String k = String.valueOf(key);
            String p = pointer + "/" + k.replace("~", "~0").replace("/", "~1");
            String legacy = LEGACY_FIELDS.get(owner.getClass().getSimpleName() + "." + k);
            if (legacy != null) {
                out.add(Finding.warning(p, legacy));
            } else if (owner instanceof SimpleCompute && HARDWARE.contains(k)) {
                out.add(Finding.warning(p, "'" + k + "' is not part of a simple compute resource: brokers ignore it"
                        + " and may offer no " + k + " at all; use a compute kind that defines it"));
            } else {
                out.add(Finding.warning(p, "unknown field '" + k + "': kept and sent as written"));
            }
        }
    }

    private static String jsonName(RecordComponent rc) {
        JsonProperty p = rc.getAccessor().getAnnotation(JsonProperty.class);
        return p != null && !p.value().isEmpty() ? p.value() : rc.getName();
    }

    private static Object read(RecordComponent rc, Record record) {
        try {
            return rc.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + rc.getName(), e);
        }
    }
}
