package io.orrery.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The training run of class-data sharing: the launcher runs it once per build and JDK with
 * {@code -XX:DumpLoadedClassList}, then dumps the classes it loaded into an archive that later starts of
 * {@code orrery serve} (and of the command line) map instead of loading and verifying each class. It starts
 * {@code orrery serve --platform cloud} twice through the real command line, in memory and on a database in the
 * folder given, asks each for its description, an offer set (JSON and YAML) and that offer set again, and exits: the
 * brokers' own shutdown hooks stop them.
 */
public final class CdsTraining {
    /** A request every built-in platform answers: one pinned container, the broker choosing size and time. */
    private static final String REQUEST = """
            executable:
              kind: https://www.purl.org/ivoa.net/Calycopis-openapi/schema/v1.0/kinds/executable/docker-container.yaml
              meta: {name: training}
              image: {locations: [ghcr.io/x/y:1], digest: "sha256:6e495692cc6f1cae2023f261f433d4691aa70b19416730f8301e45fbb74bc526"}
            """;

    private CdsTraining() {}

    /** args[0]: a folder for the database broker's state (the caller removes it). */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: CdsTraining DATA_DIR");
            System.exit(2);
        }
        Path data = Files.createDirectories(Path.of(args[0]));
        exercise(serve(null));
        exercise(serve(data));
        System.exit(0);
    }

    /** Starts a broker through the command line on a free loopback port; its base URL once GET / answers 200. */
    private static String serve(Path data) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String[] args = data == null
                ? new String[] {"serve", "--platform", "cloud", "--port", String.valueOf(port), "--quiet"}
                : new String[] {"serve", "--platform", "cloud", "--port", String.valueOf(port), "--quiet", "--data",
                    data.toString()};
        Thread broker = new Thread(() -> OrreryCommand.run(args), "training-broker");
        broker.setDaemon(true);
        broker.start();
        String base = "http://127.0.0.1:" + port;
        for (int i = 0; i < 600; i++) {
            if (!broker.isAlive()) {
                throw new IllegalStateException("the training broker stopped before it answered");
            }
            try {
                if (call("GET", base + "/", null, null) == 200) {
                    return base;
                }
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("the training broker did not answer within 30 s");
    }

    private static void exercise(String base) throws IOException {
        String json = io.orrery.model.codec.WireCodec.write(io.orrery.model.codec.WireCodec.readAs(REQUEST,
                io.orrery.model.codec.Format.YAML, io.orrery.model.ExecutionRequest.class),
                io.orrery.model.codec.Format.JSON);
        for (int i = 0; i < 3; i++) {
            call("POST", base + "/requests", "application/json", json);
            call("POST", base + "/requests", "application/yaml", REQUEST);
        }
    }

    /** One call; follows a 303 to the offer set. Its final status. */
    private static int call(String method, String url, String type, String body) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setRequestMethod(method);
        c.setConnectTimeout(5000);
        c.setReadTimeout(30_000);
        if (body != null) {
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", type);
            try (OutputStream out = c.getOutputStream()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
        }
        int status = c.getResponseCode();
        try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
            if (in != null) {
                in.readAllBytes();
            }
        }
        return status;
    }
}
