package io.orrery.model.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.orrery.model.Kind;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Kind URIs of every generation, read and written, and dialects found by name. */
class DialectTest {
    private static final String EB = "https://www.purl.org/ivoa.net/EB/schema/";

    @Test
    void idsAndSummariesNameEachGeneration() {
        assertEquals("2026-08", Dialect.V2026_08.id());
        assertEquals("2023", Dialect.V2023.id());
        assertEquals("type discriminator, resources wrapper, requested/offered ranges", Dialect.V2025_04.summary());
        assertEquals("2026-08, 2026-05, 2025-10, 2025-04, 2023", Dialect.ids());
    }

    @Test
    void byNameTakesIdsEnumNamesAndNewest() {
        assertEquals(Optional.of(Dialect.V2026_08), Dialect.byName("newest"));
        assertEquals(Optional.of(Dialect.V2026_08), Dialect.byName(" Latest "));
        assertEquals(Optional.of(Dialect.V2025_10), Dialect.byName("2025-10"));
        assertEquals(Optional.of(Dialect.V2025_04), Dialect.byName("v2025_04"));
        assertEquals(Optional.of(Dialect.V2023), Dialect.byName("V2023"));
        assertEquals(Optional.empty(), Dialect.byName("2024"));
        assertEquals(Optional.empty(), Dialect.byName("oldest"));
    }

    @Test
    void writesEachGenerationsUri() {
        assertEquals(EB + "v1.0/types/compute/simple-compute-resource-1.0", Dialect.V2026_05.uri(Kind.SIMPLE_COMPUTE));
        assertEquals(EB + "types/compute/simple-compute-resource-1.0", Dialect.V2025_10.uri(Kind.SIMPLE_COMPUTE));
        assertEquals(EB + "types/executables/docker-container-1.0", Dialect.V2025_04.uri(Kind.DOCKER));
        assertEquals(EB + "types/resources/storage/simple-storage-resource-1.0", Dialect.V2025_04.uri(Kind.SIMPLE_STORAGE));
        assertEquals(EB + "types/resources/data/Rucio-data-resource-1.0", Dialect.V2025_04.uri(Kind.RUCIO_DATA));
        assertEquals(EB + "types/resources/data/S3-data-resource-1.0", Dialect.V2025_04.uri(Kind.S3_DATA));
        assertEquals(EB + "types/session/execution-session-response-1.0", Dialect.V2025_04.uri(Kind.SCHEDULED_SESSION));
        assertEquals(EB + "types/offerset/offerset-response-1.0", Dialect.V2025_04.uri(Kind.OFFER_SET));
        assertEquals(EB + "types/volume/simple-volume-mount-1.0", Dialect.V2025_04.uri(Kind.SIMPLE_VOLUME));
        assertEquals("uri:filesystem-mount", Dialect.V2023.uri(Kind.SIMPLE_VOLUME));
        assertEquals(EB + "types/session/simple-execution-session-1.0", Dialect.V2023.uri(Kind.SIMPLE_SESSION));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void readsBackWhatEachGenerationWritesExactly(Dialect dialect) {
        for (Kind kind : Kind.values()) {
            String uri = dialect.uri(kind);
            // python-program came after every generation but the newest: its draft URI, which they all write, names none
            Dialect expected = kind == Kind.PYTHON ? Dialect.NEWEST
                    : dialect == Dialect.V2023 && kind.draftUri().isEmpty() ? Dialect.V2025_10
                    : dialect == Dialect.V2025_04 && uri.equals(Dialect.V2025_10.uri(kind)) ? Dialect.V2025_10 : dialect;
            // 2025-04 had one session kind: both read back as the scheduled one
            Kind read = dialect == Dialect.V2025_04 && kind == Kind.SIMPLE_SESSION ? Kind.SCHEDULED_SESSION : kind;
            assertEquals(Optional.of(new Dialect.KindRef(read, expected, true)), Dialect.parse(uri), uri);
            assertEquals(Optional.of(new Dialect.KindRef(read, expected, true)), Dialect.parseUri(uri), uri);
        }
    }

    @Test
    void oddSpellingsAreReadButNotExact() {
        assertEquals(Optional.of(new Dialect.KindRef(Kind.SIMPLE_COMPUTE, Dialect.V2025_10, false)),
                Dialect.parse(EB + "types/computer/simple-compute-resource-1.0"));
        assertEquals(Optional.of(new Dialect.KindRef(Kind.SIMPLE_SESSION, Dialect.V2025_10, false)),
                Dialect.parse(EB + "types/sessions/simple-execution-session-1.0"));
        assertEquals(Optional.of(new Dialect.KindRef(Kind.OFFER_SET, Dialect.V2025_10, false)),
                Dialect.parse(EB + "types/offersets/execution-offerset-1.0"));
        assertEquals(Optional.of(new Dialect.KindRef(Kind.SIMPLE_COMPUTE, Dialect.V2026_08, false)),
                Dialect.parse("http://www.purl.org/ivoa.net/Calycopis-openapi/schema/v1.0/kinds/compute/simple-compute-resource.yaml"));
        assertEquals(Optional.of(new Dialect.KindRef(Kind.DOCKER, Dialect.V2026_05, false)),
                Dialect.parse(EB + "v1.0/types/executable/docker-container-1.0#x"));
        assertEquals(Optional.of(new Dialect.KindRef(Kind.DOCKER, Dialect.V2026_05, false)),
                Dialect.parse(EB + "v1.0/types/executable/Docker-Container-1.0?v=1"));
        assertEquals(Optional.of(new Dialect.KindRef(Kind.SCHEDULED_SESSION, Dialect.V2025_04, false)),
                Dialect.parse(EB + "types/sessions/execution-session-response-1.0"));
        assertEquals(Optional.of(new Dialect.KindRef(Kind.SIMPLE_STORAGE, Dialect.V2023, true)),
                Dialect.parse("uri:persistent-storage"));
    }

    @Test
    void otherUrisAreExtensions() {
        assertEquals(Optional.empty(), Dialect.parseUri(null));
        assertEquals(Optional.empty(), Dialect.parse("uri:no-such-kind"));
        assertEquals(Optional.empty(), Dialect.parse("https://example.org/ivoa.net/EB/schema/types/compute/simple-compute-resource-1.0"));
        assertEquals(Optional.empty(), Dialect.parse(EB + "types/compute/gpu-compute-resource-1.0"));
        assertEquals(Optional.empty(), Dialect.parse(EB + "types/storage/simple-compute-resource-1.0"));
        assertEquals(Optional.empty(), Dialect.parse("https://www.purl.org/ivoa.net/"));
    }

    @Test
    void aFreshUriIsParsedAndThenRemembered() {
        String fresh = EB + "types/compute/simple-compute-resource-1.0?" + UUID.randomUUID();
        Optional<Dialect.KindRef> first = Dialect.parseUri(fresh);
        assertEquals(Optional.of(new Dialect.KindRef(Kind.SIMPLE_COMPUTE, Dialect.V2025_10, false)), first);
        assertSame(first, Dialect.parseUri(fresh));
        assertEquals(Optional.empty(), Dialect.parseUri(EB + "types/compute/" + UUID.randomUUID() + "-1.0"));
    }
}
