package io.orrery.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.broker.clock.VirtualClock;
import io.orrery.broker.platform.PlatformCatalog;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The older protocols spoken by {@code orrery serve}, over real HTTP: the 2021 CanIDoThis question and the 2024 SRCNet
 * compute API, answered by the same broker core as ExecutionBroker requests.
 */
class LegacyProtocolsTest {
    private static final String JSON = "application/json";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2027-02-28T12:00:00Z");

    // The 2021 interop examples (reconstructed from the issue: the seed's own bodies were not found)
    static final String DOCKER = """
            {"tasktype": "uri://docker-container", "taskinfo": {"image": "ghcr.io/ivoa/oligia-webtop:ubuntu-2022.01.20"}}""";
    static final String DOCKER_RESOURCES = """
            tasktype: uri://docker-container
            taskinfo:
              image: ghcr.io/ivoa/oligia-webtop:ubuntu-2022.01.20
            resources:
              mincores: 2
              maxcores: 16
              minmemory: 8G
              maxmemory: 32G
              minduration: 10m
              maxduration: 2h
            """;
    static final String HELM = """
            {"tasktype": "uri://kubernetes-helm", "taskinfo": {"chart": "https://example.org/charts/jupyter-0.1.tgz"}}""";
    static final String HELM_RESOURCES = """
            {"tasktype": "uri://kubernetes-helm", "taskinfo": {"chart": "https://example.org/charts/jupyter-0.1.tgz"},
             "resources": {"mincores": 2, "minmemory": "8G", "minduration": "10m"}}""";
    // The SRCNet prototype's own examples (ska-src-compute-api, models/input.py), with a deadline ten days on
    static final String QUERY = """
            {"data_location": "democity", "data_size": 60000, "output_data_size": 8000, "memory": 196,
             "cpu_cores": 16, "runtime": 72, "gpu_model": "K40", "deadline": "2027-03-10T12:00:00Z"}""";
    static final String SMALL_QUERY = """
            {"data_location": "SPSRC", "data_size": 20, "output_data_size": 2, "memory": 8, "cpu_cores": 2,
             "runtime": 1, "gpu_model": "none", "deadline": "2027-03-10T12:00:00Z"}""";
    static final String SUBMIT = """
            {"container": "astroimaging/sourcefinder:3.4",
             "dataset": "https://webdav.data.skao.int/3811823/dataproduct.fits",
             "params": {"--gaussians": "True", "--maxiter": 1000, "--minsnr": "10"},
             "contact_email": "jdoe@astro.demouniversity.org"}""";

    private BrokerServer server;
    private VirtualClock clock;
    private Http http;

    @BeforeEach
    void start() throws IOException {
        clock = new VirtualClock(NOW);
        server = BrokerServer.start(BrokerServer.Options.of(PlatformCatalog.find("cloud").orElseThrow()).clock(clock));
        http = new Http(server.baseUrl());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static JsonNode json(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r.body());
        return MAPPER.readTree(r.body());
    }

    @Test
    void aDockerTaskGetsYesWithAnEndpointThatIsTheHeldOffer() {
        for (String path : new String[] {"/", "/canidothis"}) {
            JsonNode a = json(http.post(path, JSON, JSON, DOCKER), 200);
            assertEquals("YES", a.path("reponseword").asString(), a.toString());
            assertEquals("YES", a.path("responseword").asString());
            assertEquals("uri://docker-container", a.path("servicetype").asString());
            String endpoint = a.path("serviceinfo").path("endpoint").asString();
            assertTrue(endpoint.startsWith(server.baseUrl() + "/sessions/"), endpoint);
            JsonNode session = json(http.get(endpoint, JSON), 200);
            assertEquals("OFFERED", session.path("phase").asString(), "the endpoint is the offer, held");
            assertEquals("ghcr.io/ivoa/oligia-webtop:ubuntu-2022.01.20",
                    session.path("executable").path("image").path("locations").path(0).asString());
        }
    }

    @Test
    void resourcesAreTranslatedAndTheAnswerNarrowsThem() {
        JsonNode a = json(http.post("/canidothis", "application/yaml", JSON, DOCKER_RESOURCES), 200);
        assertEquals("YES", a.path("reponseword").asString(), a.toString());
        JsonNode r = a.path("resources");
        long min = r.path("mincores").asLong();
        long max = r.path("maxcores").asLong();
        assertTrue(min >= 2 && max <= 16 && min <= max, r.toString());
        assertTrue(r.path("minmemory").asString().endsWith("G"), r.toString());
        long memory = Long.parseLong(r.path("minmemory").asString().replace("G", ""));
        assertTrue(memory >= 8 && memory <= 32, r.toString());
        assertTrue(Duration.parse(r.path("minduration").asString()).compareTo(Duration.ofMinutes(10)) >= 0, r.toString());
        JsonNode session = json(http.get(a.path("serviceinfo").path("endpoint").asString(), JSON), 200);
        assertEquals(min, session.path("compute").path("cores").path("min").asLong(), "the answer is the offer's");
        assertTrue(session.path("compute").path("memory").path("min").asLong() >= 8, "8G read as 8 GiB");
    }

    @Test
    void helmGetsNoWithTheReasonWithOrWithoutResources() {
        for (String body : new String[] {HELM, HELM_RESOURCES}) {
            JsonNode a = json(http.post("/", JSON, JSON, body), 200);
            assertEquals("NO", a.path("reponseword").asString(), a.toString());
            assertEquals("NO", a.path("responseword").asString());
            assertTrue(a.path("reason").asString().contains("Helm"), a.toString());
            assertTrue(a.path("reason").asString().contains("docker-container"), "says what it runs: " + a);
        }
        assertEquals(0, server.core().usage().bookings(), "a NO holds nothing");
    }

    @Test
    void aPythonProgramTaskIsTheNewKindRefusedWhereItDoesNotRunAndAnsweredWhereItDoes() throws IOException {
        String body = """
                {"tasktype": "uri:python-program", "taskinfo": {"program": "https://example.org/newton.py",
                 "requirements": {"python": "> 3.10", "packages": ["numpy"]}}}""";
        JsonNode a = json(http.post("/canidothis", JSON, JSON, body), 200);
        assertEquals("NO", a.path("reponseword").asString(), a.toString());
        assertTrue(a.path("reason").asString().contains("does not run python-program executables"), a.toString());
        try (BrokerServer hpc = BrokerServer.start(BrokerServer.Options.of(PlatformCatalog.find("green-hpc")
                .orElseThrow()).clock(clock))) {
            Http h = new Http(hpc.baseUrl());
            assertEquals("YES", json(h.post("/canidothis", JSON, JSON, body), 200).path("reponseword").asString());
            JsonNode old = json(h.post("/canidothis", JSON, JSON, body.replace("> 3.10", ">= 3.12")), 200);
            assertEquals("NO", old.path("reponseword").asString(), old.toString());
            assertTrue(old.path("reason").asString().contains("needs python >= 3.12; green-hpc has Python 3.11.9"),
                    old.toString());
        }
    }

    @Test
    void anImpossibleSizeGetsNoWithTheCoresReason() {
        JsonNode a = json(http.post("/canidothis", JSON, JSON, """
                {"tasktype": "uri://docker-container", "taskinfo": {"image": "ghcr.io/x/y:1"},
                 "resources": {"mincores": 100000, "minmemory": "8G"}}"""), 200);
        assertEquals("NO", a.path("reponseword").asString(), a.toString());
        assertTrue(a.path("reason").asString().contains("100000"), a.toString());
        assertTrue(a.path("messages").size() > 0, a.toString());
    }

    @Test
    void badBodiesAre400NamingTheField() {
        HttpResponse<String> r = http.post("/canidothis", JSON, JSON, """
                {"tasktype": "uri://docker-container", "taskinfo": {"image": "x"}, "resources": {"minmemory": "lots"}}""");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("resources.minmemory"), r.body());
        assertEquals(400, http.post("/", JSON, JSON, "{\"executable\": {}}").statusCode(), "not a 2021 question");
        assertEquals(405, http.get("/canidothis", JSON).statusCode());
        assertEquals(400, http.post("/query", JSON, JSON, "{\"memory\": 8}").statusCode(), "cpu_cores is required");
    }

    @Test
    void srcnetQueryOfTheSeedExampleSaysWhatIsMissing() {
        JsonNode a = json(http.post("/query", JSON, JSON, QUERY), 200);
        assertEquals(1, a.path("response_code").asInt(), a.toString());
        assertFalse(a.path("response_text").asString().isBlank(), a.toString());
        assertEquals(0, server.core().usage().bookings(), "a query holds nothing");
    }

    @Test
    void srcnetQueryProvisionSubmitStatus() {
        JsonNode q = json(http.post("/query", JSON, JSON, SMALL_QUERY), 200);
        assertEquals(0, q.path("response_code").asInt(), q.toString());
        assertEquals(0, server.core().usage().bookings(), "a query holds nothing");

        JsonNode p = json(http.send("PUT", "/provision", JSON, SMALL_QUERY), 200);
        assertEquals(0, p.path("response_code").asInt(), p.toString());
        String id = p.path("provision_id").asString();
        assertEquals(BrokerHandler.id(id), id, "the provision id is a session uuid");
        assertTrue(Instant.parse(p.path("provision_validity").asString()).isAfter(NOW), p.toString());
        assertEquals(1, server.core().usage().bookings(), "a provision holds its one offer");
        assertEquals("OFFERED", json(http.get("/" + id + "/status", JSON), 200).path("phase").asString());

        JsonNode s = json(http.post("/provision/" + id + "/submit", JSON, JSON, SUBMIT), 200);
        assertEquals(0, s.path("response_code").asInt(), s.toString());
        String job = s.path("job_id").asString();
        JsonNode session = json(http.get("/sessions/" + job, JSON), 200);
        assertEquals("astroimaging/sourcefinder:3.4",
                session.path("executable").path("image").path("locations").path(0).asString(), "runs the container");
        assertEquals(2, session.path("compute").path("cores").path("min").asLong());

        JsonNode st = json(http.get("/" + id + "/status", JSON), 200);
        assertEquals(job, st.path("job_id").asString(), "the provision's status is its job's");
        assertTrue(st.path("phase").asString().matches("ACCEPTED|WAITING|PREPARING|AVAILABLE|RUNNING"), st.toString());
        JsonNode done = st;
        for (int step = 0; step < 96 && !done.path("phase").asString().equals("COMPLETED"); step++) {
            clock.advance(Duration.ofMinutes(15)); // ended sessions are kept an hour: look at least that often
            server.core().catchUp();
            done = json(http.get("/provision/" + job + "/status", JSON), 200);
        }
        assertEquals("COMPLETED", done.path("phase").asString(), done.toString());
        assertEquals(0, done.path("response_code").asInt());
    }

    @Test
    void anExpiredProvisionCannotBeSubmitted() {
        JsonNode p = json(http.post("/provision", JSON, JSON, SMALL_QUERY), 200);
        String id = p.path("provision_id").asString();
        clock.set(Instant.parse(p.path("provision_validity").asString()).plusSeconds(1));
        server.core().catchUp();
        assertEquals("EXPIRED", json(http.get("/" + id + "/status", JSON), 200).path("phase").asString());
        JsonNode s = json(http.post("/" + id + "/submit", JSON, JSON, SUBMIT), 409);
        assertEquals(3, s.path("response_code").asInt(), s.toString());
        assertTrue(s.path("job_id").isNull(), s.toString());
        assertEquals(404, http.get("/5b3e0e44-0000-4000-8000-000000000000/status", JSON).statusCode());
    }

    @Test
    void srcnetDeadlineTooSoonIsCode2() {
        JsonNode a = json(http.post("/query", JSON, JSON, SMALL_QUERY.replace("2027-03-10T12:00:00Z",
                "2027-02-28T12:30:00Z")), 200);
        assertEquals(2, a.path("response_code").asInt(), a.toString());
    }

    @Test
    void mutatedSeedBodiesGetClientErrorsNever500() {
        BodyMutator mutator = new BodyMutator(2021_2024);
        String[][] seeds = {{"/canidothis", DOCKER}, {"/", HELM_RESOURCES}, {"/query", QUERY}, {"/provision", SMALL_QUERY},
            {"/canidothis", "{\"tasktype\": \"uri://docker-container\", \"taskinfo\": {\"image\": \"x\"},"
                + " \"resources\": {\"mincores\": 2, \"maxcores\": 4, \"minmemory\": \"8G\","
                + " \"maxmemory\": \"16G\", \"minduration\": \"10m\", \"maxduration\": \"2h\"}}"}};
        java.util.Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        for (int i = 0; i < 400; i++) {
            String[] seed = seeds[i % seeds.length];
            BodyMutator.Mutant m = mutator.mutate(MAPPER.readTree(seed[1].startsWith("{") ? seed[1] : "{}"));
            HttpResponse<String> r = http.post(seed[0], m.contentType(), m.accept(), m.text());
            statuses.merge(r.statusCode(), 1, Integer::sum);
            assertTrue(r.statusCode() < 500, "case " + i + " (" + m.how() + ") " + seed[0] + " -> " + r.statusCode()
                    + "\n" + r.body() + "\nfor:\n" + m.text());
        }
        assertTrue(statuses.getOrDefault(200, 0) > 20 && statuses.getOrDefault(400, 0) > 20, statuses.toString());
        assertEquals(200, http.get("/", JSON).statusCode(), "still serving");
    }

    @Test
    void authenticationAndOwnershipAsForTheOtherRoutes(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws IOException {
        java.nio.file.Path tokens = dir.resolve("tokens");
        java.nio.file.Files.writeString(tokens, "alice s3cret-alice-token\nbob s3cret-bob-token\n");
        try (BrokerServer secured = BrokerServer.start(BrokerServer.Options.of(PlatformCatalog.find("cloud")
                .orElseThrow()).clock(clock).auth(tokens, null))) {
            Http anonymous = new Http(secured.baseUrl());
            assertEquals(200, anonymous.get("/", JSON).statusCode(), "the description stays public");
            assertEquals(401, anonymous.post("/", JSON, JSON, DOCKER).statusCode(), "POST / is a question: credentials");
            assertEquals(401, anonymous.post("/query", JSON, JSON, SMALL_QUERY).statusCode());
            Http alice = anonymous.bearer("s3cret-alice-token");
            Http bob = anonymous.bearer("s3cret-bob-token");
            assertEquals("YES", json(alice.post("/canidothis", JSON, JSON, DOCKER), 200).path("reponseword").asString());
            String id = json(alice.post("/provision", JSON, JSON, SMALL_QUERY), 200).path("provision_id").asString();
            assertEquals(404, bob.get("/" + id + "/status", JSON).statusCode(), "bob cannot read alice's provision");
            assertEquals(404, bob.post("/" + id + "/submit", JSON, JSON, SUBMIT).statusCode());
            assertEquals(200, alice.post("/" + id + "/submit", JSON, JSON, SUBMIT).statusCode());
        }
    }

    @Test
    void theDescriptionListsTheProtocols() {
        String d = http.get("/", JSON).body();
        assertTrue(d.contains("CanIDoThis") && d.contains("SRCNet") && d.contains("runtime=h"), d);
    }
}
