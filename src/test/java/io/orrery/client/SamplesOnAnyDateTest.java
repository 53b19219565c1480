package io.orrery.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.model.ExecutionRequest;
import io.orrery.model.codec.Format;
import io.orrery.model.codec.WireCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample gets offers from at least one built-in broker whatever the day: asked today, and on a clock a year
 * ahead (no sample may pin its window to a date). The impossible request stays NO, each broker naming its limit; the
 * template is asked once its placeholder is filled in, as its comment tells a user to.
 */
class SamplesOnAnyDateTest {
    private static final Path SAMPLES = Path.of(System.getProperty("orrery.samples", "sample-tasks"));
    private static final String IMPOSSIBLE = "16-impossible-request.yaml";
    private static final String TEMPLATE = "15-template-to-fill-in.yaml";

    static Stream<String> samples() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted()
                    .toList();
            assertTrue(names.size() >= 20, "the samples are there: " + names);
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everySampleGetsOffersTodayAndAYearAhead(String name) throws IOException {
        String text = Files.readString(SAMPLES.resolve(name));
        if (name.equals(TEMPLATE)) {
            text = text.replace("data/abstract-data-resource.yaml", "data/simple-data-resource.yaml")
                    .replace("      description: the data set to analyse\n",
                            "      description: the data set to analyse\n    location: https://example.org/data/input.fits\n");
        }
        ExecutionRequest request = WireCodec.readAs(text, Format.YAML, ExecutionRequest.class);
        for (Duration ahead : List.of(Duration.ZERO, Duration.ofDays(365))) {
            List<Outcome> outcomes = ask(request, Clock.offset(Clock.systemUTC(), ahead));
            String said = name + " asked " + ahead.toDays() + " days ahead: " + outcomes;
            if (name.equals(IMPOSSIBLE)) {
                assertFalse(outcomes.stream().anyMatch(o -> o instanceof Outcome.Offers), said);
                assertTrue(outcomes.stream().allMatch(o -> o instanceof Outcome.No no && no.reasons().stream()
                        .anyMatch(r -> r.contains("exceeds the largest session here"))), "each NO names its limit: " + said);
            } else {
                assertTrue(outcomes.stream().anyMatch(o -> o instanceof Outcome.Offers), said);
            }
        }
    }

    private static List<Outcome> ask(ExecutionRequest request, Clock clock) {
        List<Outcome> out = new ArrayList<>();
        for (String p : PlatformCatalog.BUILT_IN) {
            try (LocalBroker b = new LocalBroker("builtin:" + p, PlatformCatalog.load(p), clock)) {
                out.add(b.ask(request).join());
            }
        }
        return out;
    }
}
