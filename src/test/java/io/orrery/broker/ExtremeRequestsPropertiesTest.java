package io.orrery.broker;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.broker.clock.VirtualClock;
import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.broker.session.UpdateRefusedException;
import io.orrery.model.ExecutionRequest;
import io.orrery.model.ExecutionSession;
import io.orrery.model.OfferSet;
import io.orrery.model.SessionPhase;
import io.orrery.model.Update;
import io.orrery.model.codec.WireFormatException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * For any sequence of requests (known and extension compute kinds, storage and data, with negative, zero, huge and
 * wrapping sizes, absurd durations and windows), accepts, rejects, cancels and time passing, the calendar is never
 * negative and never above capacity in any dimension at any instant, and the core never throws anything but a
 * refused update.
 */
class ExtremeRequestsPropertiesTest {
    private static final Instant T0 = Instant.parse("2027-03-01T08:00:00Z");
    private static final String GPU = "https://example.org/eb/kinds/compute/gpu-compute-resource.yaml";
    private static final List<String> NUMBERS = List.of("-5", "-1", "0", "1", "2", "3", "8", "64", "1000", "4096",
            "1000000", "1073741824", "4294967296", String.valueOf(Long.MAX_VALUE), String.valueOf(Long.MIN_VALUE),
            String.valueOf(Long.MAX_VALUE / 2 + 1), "-9223372036854775807");
    private static final List<String> DURATIONS = List.of("PT30M", "PT2H", "PT0S", "-PT1H", "PT9999999H",
            "P36525D", "P36526D", "PT" + Long.MAX_VALUE + "S", "P1D");

    @Property(tries = 80)
    void theCalendarStaysWithinCapacity(@ForAll long seed, @ForAll @IntRange(min = 5, max = 50) int steps) {
        Random r = new Random(seed);
        boolean gpus = r.nextBoolean();
        VirtualClock clock = new VirtualClock(T0);
        BrokerCore core = new BrokerCore(PlatformCatalog.find(gpus ? "green-hpc" : "laptop").orElseThrow(), clock);
        List<String> offers = new ArrayList<>();
        for (int step = 0; step < steps; step++) {
            switch (r.nextInt(4)) {
                case 0, 1 -> ask(core, request(r, gpus, clock.instant()), offers);
                case 2 -> act(core, offers, r);
                default -> clock.advance(Duration.ofMinutes(r.nextInt(240)));
            }
            BrokerInvariants.noOverbooking(core);
        }
        BrokerInvariants.bookingsMatchPhases(core, offers);
    }

    private static void ask(BrokerCore core, String yaml, List<String> offers) {
        ExecutionRequest request;
        try {
            request = Requests.yaml(yaml);
        } catch (WireFormatException unbindable) {
            return; // a value the model cannot hold at all (say, a number past a long): refused before any broker
        }
        OfferSet set = core.request(request);
        if ("YES".equals(set.result())) {
            for (ExecutionSession o : set.offers()) {
                offers.add(o.meta().uuid());
                assertTrue(o.compute() != null, "an offer says what it gives");
            }
        } else {
            assertTrue(!set.meta().messages().isEmpty(), "a NO says why");
        }
    }

    private static void act(BrokerCore core, List<String> offers, Random r) {
        if (offers.isEmpty()) {
            return;
        }
        String id = offers.get(r.nextInt(offers.size()));
        String want = List.of("ACCEPTED", "ACCEPTED", "REJECTED", "CANCELLED").get(r.nextInt(4));
        try {
            core.update(id, Update.phase(want));
        } catch (UpdateRefusedException refused) {
            assertTrue(!SessionPhase.valueOf(core.session(id).orElseThrow().phase()).equals(SessionPhase.OFFERED)
                    || refused.getMessage().contains("expired") || want.equals("CANCELLED"), refused.getMessage());
        }
    }

    private static String request(Random r, boolean gpus, Instant now) {
        StringBuilder y = new StringBuilder(Requests.DOCKER);
        String cores = "{min: " + pick(r, NUMBERS) + (r.nextBoolean() ? ", max: " + pick(r, NUMBERS) : "") + "}";
        String memory = "{min: " + pick(r, NUMBERS) + (r.nextBoolean() ? ", max: " + pick(r, NUMBERS) : "") + "}";
        if (gpus && r.nextBoolean()) {
            y.append("compute:\n  kind: ").append(GPU).append("\n  meta: {name: g}\n  cores: ").append(cores)
                    .append("\n  memory: ").append(memory).append("\n  gpus: {min: ").append(pick(r, NUMBERS))
                    .append(r.nextBoolean() ? ", model: nvidia-a100" : "").append("}\n");
        } else {
            y.append("compute:\n  kind: ").append(Requests.K).append("compute/simple-compute-resource.yaml\n")
                    .append("  meta: {name: c}\n  cores: ").append(cores).append("\n  memory: ").append(memory).append('\n');
        }
        if (r.nextBoolean()) {
            y.append("storage:\n");
            for (int i = 0; i < 1 + r.nextInt(3); i++) {
                y.append("  - kind: ").append(Requests.K).append("storage/simple-storage-resource.yaml\n")
                        .append("    meta: {name: s").append(i).append("}\n    size: {min: ").append(pick(r, NUMBERS))
                        .append("}\n");
            }
        }
        y.append("schedule:\n  requested:\n    duration: ").append(pick(r, DURATIONS)).append('\n');
        if (r.nextBoolean()) {
            y.append("    start: ").append(now.plus(Duration.ofMinutes(r.nextInt(600)))).append('/')
                    .append(pick(r, DURATIONS)).append('\n');
        }
        return y.toString();
    }

    private static String pick(Random r, List<String> from) {
        return from.get(r.nextInt(from.size()));
    }
}
