package io.orrery.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.orrery.Await;
import io.orrery.broker.platform.Platform;
import io.orrery.model.ExecutionRequest;
import io.orrery.model.SessionPhase;
import io.orrery.model.Update;
import io.orrery.model.codec.Format;
import io.orrery.model.codec.WireCodec;
import io.orrery.server.BrokerServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code orrery serve --platform local --data DIR} is made of, stopped while a container runs and started again
 * on the same directory: the new broker finds the container, sees the session through, and serves its log over HTTP.
 */
class ServeRestartTest {
    @TempDir
    Path data;

    private static BrokerServer serve(LocalPlatform.Found found, Path data, RealExecution execution) throws Exception {
        Platform platform = LocalPlatform.platform(found);
        return BrokerServer.start(BrokerServer.Options.of(platform).data(data).execution(execution)
                .clock(Clock.systemUTC()));
    }

    private static String phase(BrokerServer s, String id) {
        s.core().catchUp();
        return s.core().session(id).orElseThrow().phase();
    }

    @Test
    void aBrokerRestartedOnItsDataWhileAContainerRunsRecoversTheSession() throws Exception {
        LocalPlatform.Found found = RealBroker.requireEngine();
        String id;
        RealExecution first = LocalPlatform.execution(found, data.resolve("sessions"), Clock.systemUTC());
        try (BrokerServer s = serve(found, data, first)) {
            var set = s.core().request(WireCodec.readAs(RealBroker.container("echo one; sleep 4; echo two",
                    Duration.ofMinutes(2), ""), Format.YAML, ExecutionRequest.class));
            id = set.offers().get(0).meta().uuid();
            s.core().update(id, Update.phase("ACCEPTED"));
            Await.until(Duration.ofSeconds(60), () -> phase(s, id).equals("RUNNING"), "running before the stop");
        } finally {
            first.close();
        }
        RealExecution second = LocalPlatform.execution(found, data.resolve("sessions"), Clock.systemUTC());
        try (BrokerServer s = serve(found, data, second)) {
            Await.until(Duration.ofSeconds(60), () -> phase(s, id).equals(SessionPhase.COMPLETED.name()),
                    "completed after the restart: " + s.core().history(id));
            HttpResponse<String> log = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(s.baseUrl() + "/sessions/" + id + "/connectors/stdout")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, log.statusCode());
            assertEquals("one\ntwo\n", log.body());
            assertEquals("false", log.headers().firstValue("Orrery-Output-Growing").orElseThrow());
        } finally {
            second.close();
        }
    }
}
