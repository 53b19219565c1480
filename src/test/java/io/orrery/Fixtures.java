package io.orrery;

/** Texts shared by tests in several packages. */
public final class Fixtures {
    /** The newest kind URI prefix. */
    public static final String K = "https://www.purl.org/ivoa.net/Calycopis-openapi/schema/v1.0/kinds/";

    /** A pinned docker executable named "job", the start of many test requests. */
    public static final String DOCKER = """
            executable:
              kind: %sexecutable/docker-container.yaml
              meta: {name: job}
              image:
                locations: [ghcr.io/x/y:1]
                digest: sha256:6e495692cc6f1cae2023f261f433d4691aa70b19416730f8301e45fbb74bc526
            """.formatted(K);

    private Fixtures() {}

    /** A sample task from sample-tasks/, read as a request. */
    public static io.orrery.model.ExecutionRequest sample(String name) throws java.io.IOException {
        String text = java.nio.file.Files.readString(java.nio.file.Path.of("sample-tasks", name));
        return io.orrery.model.codec.WireCodec.readAs(text, io.orrery.model.codec.Format.YAML,
                io.orrery.model.ExecutionRequest.class);
    }
}
