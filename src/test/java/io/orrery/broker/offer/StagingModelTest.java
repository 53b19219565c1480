package io.orrery.broker.offer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.Fixtures;
import io.orrery.broker.platform.Platform;
import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.model.DataResource;
import io.orrery.model.ExecutionRequest;
import io.orrery.model.codec.Format;
import io.orrery.model.codec.WireCodec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where data comes from, how big it is, and how long it takes to stage, per kind of data resource. */
class StagingModelTest {
    private static final String K = Fixtures.K;
    private static final Platform HPC = PlatformCatalog.find("green-hpc").orElseThrow();

    private static DataResource data(String kind, String body) {
        String yaml = Fixtures.DOCKER + "data:\n  - kind: " + K + "data/" + kind + ".yaml\n    meta: {name: d}\n" + body;
        return WireCodec.readAs(yaml, Format.YAML, ExecutionRequest.class).data().get(0);
    }

    @Test
    void patternsMatchAnythingExactNamesHostSuffixesAndPrefixes() {
        assertTrue(StagingModel.matches("*", "anything"));
        assertTrue(StagingModel.matches("JPSRC_STORM", "jpsrc_storm"));
        assertTrue(StagingModel.matches("*.ac.uk", "s3.echo.STFC.ac.uk"));
        assertFalse(StagingModel.matches("*.ac.uk", "ac.uk.example.org"));
        assertTrue(StagingModel.matches("s3.*", "S3.amazonaws.com"));
        assertFalse(StagingModel.matches("s3.*", "mys3.example.org"));
        assertFalse(StagingModel.matches("rucio.example.org", "rucio.example.org.evil"));
    }

    @Test
    void sizesComeFromTheResourceOrThePlatformsDefault() {
        DataResource skao = data("skao-data-resource", "    skao: {namespace: n, objectname: o, objecttype: FILE,"
                + " datasize: 26843545600}\n");
        assertEquals(26843545600.0, StagingModel.sizeBytes(skao, HPC));
        assertEquals(25, StagingModel.sizeGiB(skao, HPC));
        DataResource ivoa = data("ivoa-data-resource", "    ivoa:\n      datalink: {access_url: http://dl.example.org/x,"
                + " content_length: 1073741825}\n");
        assertEquals(1073741825.0, StagingModel.sizeBytes(ivoa, HPC));
        assertEquals(2, StagingModel.sizeGiB(ivoa, HPC), "a byte over a GiB reserves two");
        DataResource small = data("ivoa-data-resource", "    ivoa:\n      datalink: {access_url: http://dl.example.org/x,"
                + " content_length: 10}\n");
        assertEquals(1, StagingModel.sizeGiB(small, HPC), "at least one GiB");
        DataResource plain = data("simple-data-resource", "    location: https://example.org/x\n");
        assertEquals(HPC.preparation().defaultDataSize() * 1073741824.0, StagingModel.sizeBytes(plain, HPC));
        DataResource skaoWithoutSize = data("skao-data-resource", "    skao: {namespace: n, objectname: o,"
                + " objecttype: FILE}\n");
        assertEquals(StagingModel.sizeBytes(plain, HPC), StagingModel.sizeBytes(skaoWithoutSize, HPC));
    }

    @Test
    void sourcesAreTheHostsOrRseNamesOfEachKind() {
        assertEquals(List.of("example.org"), StagingModel.sources(data("simple-data-resource",
                "    location: https://example.org/x\n")));
        assertEquals(List.of("s3.echo.stfc.ac.uk"), StagingModel.sources(data("S3-data-resource",
                "    endpoint: https://s3.echo.stfc.ac.uk\n    bucket: b\n")));
        assertEquals(List.of("rucio.example.org"), StagingModel.sources(data("rucio-data-resource",
                "    rucio: {endpoint: https://rucio.example.org, scope: s, object: o, type: DATASET}\n")));
        assertEquals(List.of("dl.example.org", "obs.example.org"), StagingModel.sources(data("ivoa-data-resource",
                "    ivoa:\n      datalink: {access_url: http://dl.example.org/x}\n"
                        + "      obscore: {access_url: http://obs.example.org/y}\n")));
        assertEquals(List.of("obs.example.org"), StagingModel.sources(data("ivoa-data-resource",
                "    ivoa:\n      obscore: {access_url: http://obs.example.org/y}\n")));
        assertEquals(List.of("JPSRC_STORM", "SPSRC_STORM", "storm.example.es"), StagingModel.sources(
                data("skao-data-resource", "    skao:\n      namespace: n\n      objectname: o\n      objecttype: FILE\n"
                        + "      replicas:\n        - rsename: JPSRC_STORM\n        - rsename: SPSRC_STORM\n"
                        + "          dataurl: davs://storm.example.es/sa/cube\n        - {}\n")));
        assertEquals(List.of(), StagingModel.sources(data("simple-data-resource", "    location: 'not a uri'\n")));
        assertEquals(List.of(), StagingModel.sources(data("simple-data-resource", "    location: ' '\n")));
    }

    @Test
    void theFastestSiteOfAnySourceIsChosen() {
        DataResource cube = data("skao-data-resource", "    skao:\n      namespace: n\n      objectname: o\n"
                + "      objecttype: FILE\n      datasize: 4000000000\n      replicas:\n"
                + "        - {rsename: SPSRC_STORM}\n        - {rsename: JPSRC_STORM}\n");
        StagingModel.Transfer t = StagingModel.transfer(cube, HPC).orElseThrow();
        assertEquals("green-hpc-rse", t.site(), "2,000 MB/s beats the research network's 400");
        assertEquals("JPSRC_STORM", t.source());
        assertEquals(Duration.ofSeconds(20 + 2), t.time(), "latency plus 4 GB at 2 GB/s");
        DataResource odd = data("skao-data-resource", "    skao:\n      namespace: n\n      objectname: o\n"
                + "      objecttype: FILE\n      datasize: 4000000001\n      replicas:\n        - {rsename: JPSRC_STORM}\n");
        assertEquals(Duration.ofSeconds(20 + 3), StagingModel.transfer(odd, HPC).orElseThrow().time(),
                "part of a second counts as a whole one");
        assertTrue(StagingModel.transfer(data("simple-data-resource", "    location: 'not a uri'\n"), HPC).isEmpty());
    }
}
