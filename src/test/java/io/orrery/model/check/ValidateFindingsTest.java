package io.orrery.model.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.cli.ValidateCommand;
import io.orrery.model.codec.Format;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Broken documents get findings with the right line, column and field. */
class ValidateFindingsTest {
    static final String K = io.orrery.Fixtures.K;
    static final String DOCKER = io.orrery.Fixtures.DOCKER;

    private static List<String> lines(String text) {
        return ValidateCommand.check(text, Format.guess(null, text)).stream().map(f -> f.format("f.yaml")).toList();
    }

    private static String only(String text) {
        List<String> found = lines(text);
        assertEquals(1, found.size(), () -> "expected one finding, got:\n" + String.join("\n", found));
        return found.get(0);
    }

    @Test
    void yamlSyntaxErrorHasItsPosition() {
        String line = only("executable:\n  kind: [a, b\n  meta: x\n");
        assertTrue(line.startsWith("f.yaml:3:7: error: "), line);
    }

    @Test
    void jsonSyntaxErrorHasItsPosition() {
        String line = only("{\"executable\": {\"kind\": \"x\",}\n}");
        assertTrue(line.startsWith("f.yaml:1:29: error: "), line);
    }

    @Test
    void minAboveMaxPointsAtTheRange() {
        String line = only(DOCKER + """
                compute:
                  kind: %scompute/simple-compute-resource.yaml
                  cores: {min: 8, max: 4}
                """.formatted(K));
        assertEquals("f.yaml:9:3: error: cores minimum 8 is more than the maximum 4 (compute.cores)", line);
    }

    @Test
    void zeroAndNegativeSizesAreErrors() {
        List<String> found = lines(DOCKER + """
                compute:
                  kind: %scompute/simple-compute-resource.yaml
                  memory: {min: 0}
                storage:
                  - kind: %sstorage/simple-storage-resource.yaml
                    meta: {name: s}
                    size:
                      min: -5
                """.formatted(K, K));
        assertEquals(List.of(
                "f.yaml:9:12: error: memory (GiB) minimum must be at least 1, not 0 (compute.memory.min)",
                "f.yaml:14:7: error: storage size (GiB) minimum must be at least 1, not -5 (storage[0].size.min)"),
                found);
    }

    @Test
    void wildTimeMistakesAreExplained() {
        List<String> found = lines(DOCKER + """
                schedule:
                  requested:
                    start: 2026-09-01/PT2H
                    duration: P1H
                """);
        assertEquals(2, found.size(), found.toString());
        assertTrue(found.get(0).startsWith("f.yaml:9:5: error: start window: '2026-09-01' is a date without a time"),
                found.get(0));
        assertTrue(found.get(1).contains("f.yaml:10:5: error: duration: 'P1H' is not ISO-8601")
                && found.get(1).contains("write PT1H"), found.get(1));
    }

    @Test
    void reversedWindowAndNonPositiveDuration() {
        List<String> found = lines(DOCKER + """
                schedule:
                  requested: {start: "2027-01-02T00:00:00Z/2027-01-01T00:00:00Z", duration: PT0S}
                """);
        assertEquals(2, found.size(), found.toString());
        assertTrue(found.get(0).contains("ends (2027-01-01T00:00:00Z) before it starts"), found.get(0));
        assertTrue(found.get(1).contains("the duration must be positive"), found.get(1));
    }

    @Test
    void danglingReferencesAndDuplicateNames() {
        List<String> found = lines(DOCKER + """
                compute:
                  kind: %scompute/simple-compute-resource.yaml
                  meta: {name: job}
                  volumes:
                    - kind: %svolume/simple-volume-mount.yaml
                      resource: no-such-data
                      path: /in
                data:
                  - kind: %sdata/simple-data-resource.yaml
                    meta: {name: d1}
                    location: https://example.org/d1.fits
                    storage: no-such-store
                """.formatted(K, K, K));
        String all = String.join("\n", found);
        assertTrue(all.contains("f.yaml:9:10: error: the name 'job' is already used at executable"), all);
        assertTrue(all.contains("f.yaml:12:7: error: 'no-such-data' names no data or storage item in this request"
                + " (known: d1) (compute.volumes[0].resource)"), all);
        assertTrue(all.contains("f.yaml:18:5: error: storage 'no-such-store' names no storage item"), all);
    }

    @Test
    void missingExecutableAndUnpinnedImage() {
        assertEquals("f.yaml:1:1: error: no executable: a request must say what to run (executable)",
                only("compute: {kind: \"" + K + "compute/simple-compute-resource.yaml\", cores: {min: 1}}\n"));
        String warning = only("executable:\n  kind: " + K + "executable/docker-container.yaml\n"
                + "  image: {locations: [ghcr.io/x/y:1]}\n");
        assertTrue(warning.startsWith("f.yaml:3:3: warning: no image digest"), warning);
    }

    @Test
    void unknownKindsAndFieldsAreWarningsNotErrors() {
        List<String> found = lines(DOCKER + """
                compute:
                  kind: https://example.org/kinds/gpu-compute.yaml
                  gpus: {min: 1}
                colour: blue
                """);
        String all = String.join("\n", found);
        assertTrue(all.contains("f.yaml:8:3: warning: unknown kind"), all);
        assertTrue(all.contains("f.yaml:10:1: warning: unknown field 'colour'"), all);
        assertTrue(found.stream().noneMatch(l -> l.contains(": error: ")), all);
    }

    @Test
    void gpusOnASimpleComputeAreFlagged() {
        String line = only(DOCKER + "compute:\n  kind: " + K + "compute/simple-compute-resource.yaml\n"
                + "  gpus: {min: 1}\n");
        assertTrue(line.startsWith("f.yaml:9:3: warning: 'gpus' is not part of a simple compute resource"), line);
    }

    @Test
    void wrongValueTypeIsAnErrorAtTheValue() {
        String line = only(DOCKER + "compute:\n  kind: " + K + "compute/simple-compute-resource.yaml\n"
                + "  cores: {min: lots}\n");
        assertEquals("f.yaml:9:11: error: expected a whole number, found 'lots' (compute.cores.min)", line);
    }

    @Test
    void legacyFindingsPointAtTheLegacyField() {
        String text = """
                executable:
                  type: https://www.purl.org/ivoa.net/EB/schema/types/executables/docker-container-1.0
                  image: {locations: [x/y:1], digest: "sha256:6e495692cc6f1cae2023f261f433d4691aa70b19416730f8301e45fbb74bc526"}
                resources:
                  compute:
                    - type: https://www.purl.org/ivoa.net/EB/schema/types/resources/compute/simple-compute-resource-1.0
                      cores:
                        requested: {min: 4, max: 2}
                """;
        List<String> found = lines(text);
        String errors = found.stream().filter(l -> l.contains(": error: ")).collect(Collectors.joining("\n"));
        assertEquals("f.yaml:7:7: error: cores minimum 4 is more than the maximum 2 (resources.compute[0].cores)",
                errors);
    }

    @Test
    void costRangesAreChecked() {
        String line = only(DOCKER + "costs:\n  - {kind: " + K + "costs/simple-minmax-float-cost.yaml,"
                + " type: 'urn:ivoa:calycopis:cost:monetary', min: 2.0, max: 1.0}\n");
        assertTrue(line.startsWith("f.yaml:8:5: error: minimum 2.0 is more than the maximum 1.0"), line);
    }

    @Test
    void anEmptyListItemIsAnErrorAtItsLineNotACrash() {
        assertEquals("f.yaml:7:1: error: item 1 of this list is empty: give the item, or remove its '-' (or the null)"
                + " (data)", only(DOCKER + "data:\n  - \n"));
        assertEquals("f.yaml:7:1: error: item 1 of this list is empty: give the item, or remove its '-' (or the null)"
                + " (storage)", only(DOCKER + "storage: [null]\n"));
        String json = only("{\"executable\": null, \"compute\": {\"cores\": {\"min\": 1}}, \"data\": [{}, null]}");
        assertTrue(json.startsWith("f.yaml:1:") && json.contains("item 2 of this list") && json.endsWith("(data)"), json);
    }

    @Test
    void extensionKindsGetTheSameChecksAsKnownOnes() {
        List<String> found = lines(DOCKER + """
                compute:
                  kind: https://example.org/eb/kinds/compute/gpu-compute-resource.yaml
                  cores: {min: -8}
                  memory: {min: 1.5}
                  gpus: {min: 99999999999, model: nvidia-a100}
                """);
        assertTrue(found.contains("f.yaml:9:11: error: cores minimum must be at least 1, not -8 (compute.cores.min)"),
                String.join("\n", found));
        assertTrue(found.contains("f.yaml:10:12: error: must be a whole number, not 1.5 (compute.memory.min)"),
                String.join("\n", found));
        assertTrue(found.contains("f.yaml:11:10: error: GPUs minimum must be at most 1000000, not 99999999999"
                + " (compute.gpus.min)"), String.join("\n", found));
    }

    @Test
    void sizesThatWouldWrapALongAreRefused() {
        String storage = DOCKER + """
                storage:
                  - kind: %sstorage/simple-storage-resource.yaml
                    meta: {name: a}
                    size: {min: 1, max: 1}
                  - kind: %sstorage/simple-storage-resource.yaml
                    meta: {name: b}
                    size: {min: SIZE}
                """.formatted(K, K);
        assertEquals("f.yaml:13:12: error: storage size (GiB) minimum must be at most 1073741824, not 9223372036854775807"
                + " (storage[1].size.min)", only(storage.replace("SIZE", String.valueOf(Long.MAX_VALUE))));
        assertEquals("f.yaml:13:12: error: a number too large for this field: Numeric value (99999999999999999999) out"
                + " of range of `long` (storage[1].size.min)", only(storage.replace("SIZE", "99999999999999999999")));
    }

    @Test
    void absurdDurationsAndWindowsAreFindingsNotCrashes() {
        List<String> found = lines(DOCKER + """
                schedule:
                  requested:
                    duration: PT9999999999999999H
                    start: 2026-12-01T00:00:00Z/P106751991167300D
                """);
        assertEquals(2, found.size(), String.join("\n", found));
        assertTrue(found.get(0).contains("longer than any duration a broker can book"), found.get(0));
        assertTrue(found.get(1).contains("(schedule.requested.start)"), found.get(1));
    }

    @Test
    void longTextsAndListsAreRefusedWithTheirPlace() {
        String description = "x".repeat(70_000);
        String line = only(DOCKER + "compute:\n  kind: " + K + "compute/simple-compute-resource.yaml\n  meta:\n"
                + "    name: c\n    description: >\n      " + description.replace("x".repeat(10_000), "x".repeat(10_000) + "\n      ")
                + "\n");
        assertTrue(line.startsWith("f.yaml:11:5: error: a text of 70007 characters; at most 65536")
                && line.endsWith("(compute.meta.description)"), line);
        assertEquals("f.yaml:7:1: error: line 7 has 70008 characters; YAML lines of more than 66560 are refused (a value"
                + " may have 65536)", only(DOCKER + "data: '" + description + "'\n"));
    }
}
