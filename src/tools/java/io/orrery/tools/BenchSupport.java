package io.orrery.tools;

import io.orrery.model.ExecutionRequest;
import io.orrery.model.codec.Format;
import io.orrery.model.codec.WireCodec;

/** What the benchmark commands share: the request they send, and percentiles. */
final class BenchSupport {
    private BenchSupport() {}

    /** A pinned container asking for cores..2×cores and 2×..4× that in GiB, for a duration. */
    static String requestYaml(int cores, String duration) {
        return """
                executable:
                  kind: https://www.purl.org/ivoa.net/Calycopis-openapi/schema/v1.0/kinds/executable/docker-container.yaml
                  meta: {name: bench}
                  image: {locations: [ghcr.io/x/y:1], digest: "sha256:6e495692cc6f1cae2023f261f433d4691aa70b19416730f8301e45fbb74bc526"}
                compute:
                  kind: https://www.purl.org/ivoa.net/Calycopis-openapi/schema/v1.0/kinds/compute/simple-compute-resource.yaml
                  meta: {name: c}
                  cores: {min: %d, max: %d}
                  memory: {min: %d, max: %d}
                schedule: {requested: {duration: %s}}
                """.formatted(cores, cores * 2, cores * 2, cores * 4, duration);
    }

    static ExecutionRequest request(int cores, String duration) {
        return WireCodec.readAs(requestYaml(cores, duration), Format.YAML, ExecutionRequest.class);
    }

    /** The p-th percentile of sorted values (0 for none). */
    static double percentile(double[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
