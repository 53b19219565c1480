package io.orrery.server.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.orrery.model.legacy.LegacyBodyException;
import io.orrery.broker.BrokerCore;
import io.orrery.broker.RequestContext;
import io.orrery.broker.clock.VirtualClock;
import io.orrery.broker.platform.Platform;
import io.orrery.broker.platform.PlatformCatalog;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Thousands of seeded random bodies of both older protocols: every one is translated or refused with a
 * {@link LegacyBodyException} naming the field, and every translated one is answered by a real core (never an
 * unexpected exception, which the server would turn into a 500).
 */
class TranslatorFuzzTest {
    private static final JsonNodeFactory N = JsonNodeFactory.instance;
    private static final Instant NOW = Instant.parse("2027-02-28T12:00:00Z");
    private static final String[] TYPES = {"uri://docker-container", "uri://kubernetes-helm", "uri:docker-container-1.0",
        "uri://singularity-container", "uri://jupyter-notebook", "uri://python-program", "", "DOCKER-CONTAINER",
        "https://www.purl.org/ivoa.net/executable-types/docker-container"};
    private static final String[] SIZES = {"8G", "512M", "2T", "1.5G", "lots", "-4G", "8", "0", "8 Gi", "1e3G", "G",
        "99999999999999999999999T", "7k", "3PB"};
    private static final String[] SPANS = {"10m", "2h", "1d", "PT2H", "P1D", "P1M", "90", "-5m", "1.5h", "x", "PT-1H",
        "3w", "99999999999d", "P1DT2H"};

    private final Random random = new Random(18);
    private final Platform platform = PlatformCatalog.find("cloud").orElseThrow();
    private final BrokerCore core = new BrokerCore(platform, new VirtualClock(NOW));

    private JsonNode value(String[] texts) {
        return switch (random.nextInt(7)) {
            case 0 -> N.numberNode(random.nextInt(200_000) - 100);
            case 1 -> N.numberNode(random.nextDouble() * 100);
            case 2 -> N.nullNode();
            case 3 -> N.booleanNode(random.nextBoolean());
            case 4 -> N.objectNode().put("x", 1);
            default -> N.stringNode(texts[random.nextInt(texts.length)]);
        };
    }

    private void maybe(ObjectNode o, String name, String[] texts) {
        if (random.nextInt(3) > 0) {
            o.set(name, value(texts));
        }
    }

    private ObjectNode question() {
        ObjectNode b = N.objectNode();
        b.set("tasktype", random.nextInt(8) == 0 ? value(TYPES) : N.stringNode(TYPES[random.nextInt(TYPES.length)]));
        if (random.nextInt(6) > 0) {
            ObjectNode info = b.putObject("taskinfo");
            maybe(info, "image", new String[] {"ghcr.io/x/y:1", "", "docker.io/library/python:3.12"});
            maybe(info, "chart", new String[] {"https://example.org/c.tgz"});
            maybe(info, "notebook", new String[] {"https://example.org/n.ipynb"});
        } else if (random.nextBoolean()) {
            b.set("taskinfo", value(SIZES));
        }
        if (random.nextBoolean()) {
            ObjectNode r = random.nextInt(5) == 0 ? b.putObject("resources").putObject("compute") : b.putObject("resources");
            for (String f : new String[] {"mincores", "maxcores"}) {
                maybe(r, f, new String[] {"2", "16", "100000", "x"});
            }
            for (String f : new String[] {"minmemory", "maxmemory"}) {
                maybe(r, f, SIZES);
            }
            for (String f : new String[] {"minduration", "maxduration"}) {
                maybe(r, f, SPANS);
            }
        }
        return b;
    }

    /** Mostly a plausible number (so that most bodies reach the core), else anything. */
    private void often(ObjectNode o, String name, int most, String[] texts) {
        if (random.nextInt(10) < 8) {
            o.put(name, random.nextInt(most));
        } else {
            maybe(o, name, texts);
        }
    }

    private ObjectNode srcnet() {
        ObjectNode b = N.objectNode();
        maybe(b, "data_location", new String[] {"SPSRC", "democity"});
        often(b, "data_size", 100, SIZES);
        often(b, "output_data_size", 100, SIZES);
        often(b, "memory", 300, SIZES);
        often(b, "cpu_cores", 64, new String[] {"2", "16", "100000"});
        often(b, "runtime", 100, SPANS);
        maybe(b, "gpu_model", new String[] {"none", "K40", "A100", "T4", ""});
        maybe(b, "deadline", new String[] {"2027-03-10T12:00:00Z", "2027-02-28T12:10:00Z", "2020-01-01T00:00:00Z",
            "tomorrow", "2027-03-10"});
        maybe(b, "container", new String[] {"astroimaging/sourcefinder:3.4", ""});
        return b;
    }

    @Test
    void canIDoThisBodiesAreTranslatedOrRefusedNeverBroken() {
        int asked = 0;
        int refused = 0;
        for (int i = 0; i < 2500; i++) {
            ObjectNode body = question();
            try {
                Translation t = CanIDoThis.translate(body, List.of("docker-container"));
                JsonNode answer = t.refused() ? CanIDoThis.no(body, t.refusals())
                        : CanIDoThis.answer(body, core.requestTree(t.request(), RequestContext.ANONYMOUS));
                assertTrue(answer.path("reponseword").asString().matches("YES|NO"), answer.toString());
                assertEquals(answer.path("reponseword"), answer.path("responseword"));
                asked++;
            } catch (LegacyBodyException e) {
                assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), body.toString());
                refused++;
            } catch (RuntimeException e) {
                fail("body " + body + " broke the translation: " + e, e);
            }
        }
        assertTrue(asked > 200 && refused > 200, asked + " asked, " + refused + " refused: the fuzz reaches both");
    }

    @Test
    void srcnetBodiesAreTranslatedOrRefusedNeverBroken() {
        int asked = 0;
        for (int i = 0; i < 2500; i++) {
            ObjectNode body = srcnet();
            try {
                JsonNode set = core.requestTree(Srcnet.request(body, SrcnetUnits.DEFAULT, platform, NOW, true),
                        RequestContext.ANONYMOUS);
                JsonNode answer = Srcnet.provision(set, Srcnet.NOT_AVAILABLE);
                assertTrue(answer.path("response_code").asInt(-1) >= 0, answer.toString());
                asked++;
            } catch (LegacyBodyException | Srcnet.TooLate e) {
                assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), body.toString());
            } catch (RuntimeException e) {
                fail("body " + body + " broke the translation: " + e, e);
            }
        }
        assertTrue(asked > 100, asked + " asked: the fuzz reaches the core");
    }
}
