package io.orrery.client;

import java.util.Locale;

/** What a broker speaks: the ExecutionBroker standard (its generation learnt on contact), or an older protocol. */
public enum Protocol {
    /** The IVOA ExecutionBroker, any generation (detected on first contact). */
    EXECUTION_BROKER("execution-broker"),
    /** The 2021 ExecutionPlanner "CanIDoThis": YES or NO, without times and without accept. */
    CANIDOTHIS("canidothis"),
    /** The SRCNet compute API (2024 prototype): query, provision, submit, status; no times, no cancel. */
    SRCNET_COMPUTE("srcnet-compute");

    private final String id;

    Protocol(String id) {
        this.id = id;
    }

    /** As written in brokers.yaml and on the command line. */
    public String id() {
        return id;
    }

    /** The protocol a name stands for ({@code execution-broker}, {@code canidothis}, {@code srcnet-compute}). */
    public static Protocol parse(String text) {
        if (text == null || text.isBlank()) {
            return EXECUTION_BROKER;
        }
        String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Protocol p : values()) {
            if (p.id.equals(t)) {
                return p;
            }
        }
        return switch (t) {
            case "eb", "executionbroker" -> EXECUTION_BROKER;
            case "can-i-do-this", "canidothis-2021", "planner-2021" -> CANIDOTHIS;
            case "srcnet", "srcnet-compute-api", "ska-src-compute" -> SRCNET_COMPUTE;
            default -> throw new IllegalArgumentException("unknown broker protocol '" + text.trim()
                    + "': use execution-broker, canidothis or srcnet-compute");
        };
    }
}
