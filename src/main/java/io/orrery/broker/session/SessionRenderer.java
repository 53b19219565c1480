package io.orrery.broker.session;

import io.orrery.model.Lifecycle;
import io.orrery.broker.Links;
import io.orrery.model.ExecutionSession;
import io.orrery.model.LifecyclePhase;
import io.orrery.model.Option;
import io.orrery.model.SessionPhase;
import io.orrery.model.codec.WireCodec;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders a session as the wire shows it now: its phase, the phase of each component, the updates it allows
 * ({@code meta.options}), its links, and connectors once it is available.
 */
public final class SessionRenderer {
    private SessionRenderer() {}

    public static ExecutionSession render(SessionState s, Links links, String platformName) {
        return WireCodec.fromTree(tree(s, links, platformName), ExecutionSession.class);
    }

    /** The session as a tree of the newest shape. */
    public static ObjectNode tree(SessionState s, Links links, String platformName) {
        return tree(s, links, platformName, null);
    }

    /**
     * The session as a tree of the newest shape, with a connector for each output it has left (a log, the exit
     * code, a file) when it is really executed, or the simulated connectors of its published ports (outputs null).
     */
    public static ObjectNode tree(SessionState s, Links links, String platformName,
                                  List<SessionOutputs.OutputFile> outputs) {
        ObjectNode t = s.offerTree();
        ObjectNode meta = (ObjectNode) t.get("meta");
        String url = links.session(s.uuid);
        if (url != null) {
            meta.put("url", url);
        }
        Set<SessionPhase> choices = Lifecycle.clientChoices(s.phase);
        if (!choices.isEmpty()) {
            Option option = Option.enumValues("phase", choices.stream().map(Enum::name).toList());
            meta.putArray("options").add(WireCodec.recordTree(option));
        }
        t.put("phase", s.phase.name());
        for (String family : List.of("executable", "compute")) {
            if (t.get(family) instanceof ObjectNode c) {
                component(c, family, s, links);
            }
        }
        for (String family : List.of("storage", "data")) {
            if (t.get(family) instanceof ArrayNode list) {
                list.forEach(c -> {
                    if (c instanceof ObjectNode o) {
                        component(o, family, s, links);
                    }
                });
            }
        }
        if (outputs == null) {
            connectors(t, s, platformName);
        } else {
            outputs(t, s, links, outputs);
        }
        return t;
    }

    private static void component(ObjectNode c, String family, SessionState s, Links links) {
        c.put("phase", componentPhase(s.phase, family.equals("executable")).name());
        JsonNode uuid = c.path("meta").path("uuid");
        String url = uuid.isString() ? links.component(s.uuid, family, uuid.asString()) : null;
        if (url != null && c.get("meta") instanceof ObjectNode m) {
            m.put("url", url);
        }
    }

    /** What a component is doing while its session is in a phase. */
    static LifecyclePhase componentPhase(SessionPhase p, boolean executable) {
        return switch (p) {
            case INITIAL, OFFERED, ACCEPTED -> LifecyclePhase.INITIALIZING;
            case WAITING -> LifecyclePhase.WAITING;
            case PREPARING -> LifecyclePhase.PREPARING;
            case AVAILABLE -> LifecyclePhase.AVAILABLE;
            case RUNNING -> executable ? LifecyclePhase.RUNNING : LifecyclePhase.AVAILABLE;
            case RELEASING -> LifecyclePhase.RELEASING;
            case COMPLETED -> LifecyclePhase.COMPLETED;
            case FAILED -> LifecyclePhase.FAILED;
            case REJECTED, EXPIRED, CANCELLED -> LifecyclePhase.CANCELLED;
        };
    }

    /** A connector per output, streamed from {@code SESSION/connectors/NAME} (growing while AVAILABLE). */
    private static void outputs(ObjectNode t, SessionState s, Links links, List<SessionOutputs.OutputFile> outputs) {
        ArrayNode out = t.arrayNode();
        for (SessionOutputs.OutputFile f : outputs) {
            String location = links.connector(s.uuid, f.name());
            ObjectNode c = out.addObject().put("kind", "urn:orrery:connector:output")
                    .put("status", f.growing() ? "AVAILABLE" : "FINISHED")
                    .put("protocol", location != null && location.startsWith("https") ? "HTTPS" : "HTTP");
            if (location != null) {
                c.put("location", location);
            }
            c.put("name", f.name()).put("size", f.size());
        }
        if (!out.isEmpty()) {
            t.set("connectors", out);
        }
    }

    /** The access points of published ports (simulated hosts end in .invalid: nothing answers there). */
    private static void connectors(ObjectNode t, SessionState s, String platformName) {
        String status = switch (s.phase) {
            case WAITING, PREPARING -> "PREPARING";
            case AVAILABLE, RUNNING -> "AVAILABLE";
            case RELEASING, COMPLETED, FAILED, CANCELLED -> "FINISHED";
            default -> null;
        };
        if (status == null) {
            return;
        }
        ArrayNode out = t.arrayNode();
        String host = platformName + ".orrery.invalid";
        JsonNode exe = t.path("executable");
        for (JsonNode port : exe.path("network").path("ports")) {
            if (port.path("access").asBoolean(false)) {
                String protocol = port.path("protocol").asString("TCP");
                String scheme = protocol.toLowerCase(java.util.Locale.ROOT);
                out.addObject().put("kind", "urn:orrery:connector:" + scheme).put("status", status)
                        .put("protocol", protocol).put("location", scheme + "://" + host + "/sessions/" + s.uuid + "/"
                                + port.path("internal").path("port").asInt() + port.path("path").asString(""));
            }
        }
        if (exe.path("kind").asString("").contains("jupyter-notebook")) {
            out.addObject().put("kind", "urn:orrery:connector:jupyter").put("status", status).put("protocol", "HTTPS")
                    .put("location", "https://" + host + "/sessions/" + s.uuid + "/lab");
        }
        if (!out.isEmpty()) {
            t.set("connectors", out);
        }
    }
}
