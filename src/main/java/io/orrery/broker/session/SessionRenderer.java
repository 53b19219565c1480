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

    /** What rendering a session needs, taken where the session is guarded, so that it can be rendered elsewhere. */
    public record Snapshot(byte[] offer, String uuid, SessionPhase phase, List<SessionOutputs.OutputFile> outputs) {
        /** The session as a tree of the newest shape (see {@link #tree(SessionState, Links, String, List)}). */
        public ObjectNode render(Links links, String platformName) {
            return SessionRenderer.render(OfferTrees.unpack(offer), uuid, phase, links, platformName, outputs);
        }
    }

    /** The session as it is now, to render later; outputs as for {@link #tree(SessionState, Links, String, List)}. */
    public static Snapshot snapshot(SessionState s, List<SessionOutputs.OutputFile> outputs) {
        return new Snapshot(s.offer, s.uuid, s.phase, outputs);
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
        return render(s.offerTree(), s.uuid, s.phase, links, platformName, outputs);
    }

    /**
     * Renders an offer tree, as made or as rendered before (every field this writes is written again or removed, so
     * an offer stored as first rendered renders the same as one stored bare), for the session with this uuid in this
     * phase. Changes and returns t.
     */
    public static ObjectNode render(ObjectNode t, String uuid, SessionPhase phase, Links links, String platformName,
                                    List<SessionOutputs.OutputFile> outputs) {
        ObjectNode meta = (ObjectNode) t.get("meta");
        String url = links.session(uuid);
        if (url != null) {
            meta.put("url", url);
        } else {
            meta.remove("url");
        }
        Set<SessionPhase> choices = Lifecycle.clientChoices(phase);
        if (!choices.isEmpty()) {
            Option option = Option.enumValues("phase", choices.stream().map(Enum::name).toList());
            meta.putArray("options").add(WireCodec.recordTree(option));
        } else {
            meta.remove("options");
        }
        t.put("phase", phase.name());
        for (String family : List.of("executable", "compute")) {
            if (t.get(family) instanceof ObjectNode c) {
                component(c, family, uuid, phase, links);
            }
        }
        for (String family : List.of("storage", "data")) {
            if (t.get(family) instanceof ArrayNode list) {
                list.forEach(c -> {
                    if (c instanceof ObjectNode o) {
                        component(o, family, uuid, phase, links);
                    }
                });
            }
        }
        t.remove("connectors");
        if (outputs == null) {
            connectors(t, uuid, phase, platformName);
        } else {
            outputs(t, uuid, links, outputs);
        }
        return t;
    }

    private static void component(ObjectNode c, String family, String session, SessionPhase phase, Links links) {
        c.put("phase", componentPhase(phase, family.equals("executable")).name());
        JsonNode uuid = c.path("meta").path("uuid");
        String url = uuid.isString() ? links.component(session, family, uuid.asString()) : null;
        if (c.get("meta") instanceof ObjectNode m) {
            if (url != null) {
                m.put("url", url);
            } else {
                m.remove("url");
            }
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
    private static void outputs(ObjectNode t, String uuid, Links links, List<SessionOutputs.OutputFile> outputs) {
        ArrayNode out = t.arrayNode();
        for (SessionOutputs.OutputFile f : outputs) {
            String location = links.connector(uuid, f.name());
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
    private static void connectors(ObjectNode t, String uuid, SessionPhase phase, String platformName) {
        String status = switch (phase) {
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
                        .put("protocol", protocol).put("location", scheme + "://" + host + "/sessions/" + uuid + "/"
                                + port.path("internal").path("port").asInt() + port.path("path").asString(""));
            }
        }
        if (exe.path("kind").asString("").contains("jupyter-notebook")) {
            out.addObject().put("kind", "urn:orrery:connector:jupyter").put("status", status).put("protocol", "HTTPS")
                    .put("location", "https://" + host + "/sessions/" + uuid + "/lab");
        }
        if (!out.isEmpty()) {
            t.set("connectors", out);
        }
    }
}
