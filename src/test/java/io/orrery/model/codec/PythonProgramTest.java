package io.orrery.model.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.cli.ValidateCommand;
import io.orrery.model.ExecutionRequest;
import io.orrery.model.Kind;
import io.orrery.model.PythonProgram;
import io.orrery.model.WireDocument;
import io.orrery.model.check.PackageRequirement;
import io.orrery.model.check.VersionConstraint;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The python-program kind: read, validated with positions, and lossless through every generation and format. */
class PythonProgramTest {
    static final String K = io.orrery.Fixtures.K;
    static final String PROGRAM = """
            executable:
              kind: %sexecutable/python-program.yaml
              meta: {name: sqrt}
              location: https://example.org/newton.py
              arguments: ["2", "--verbose"]
              requirements:
                python: "> 3.10"
                packages: [numpy, astropy>=5]
            compute:
              kind: %scompute/simple-compute-resource.yaml
              cores: {min: 1}
            """.formatted(K, K);

    private static List<String> findings(String text) {
        return ValidateCommand.check(text, Format.YAML).stream().map(f -> f.format("f.yaml")).toList();
    }

    @Test
    void readsIntoItsRecord() {
        ExecutionRequest r = WireCodec.readAs(PROGRAM, Format.YAML, ExecutionRequest.class);
        PythonProgram p = assertInstanceOf(PythonProgram.class, r.executable());
        assertEquals("https://example.org/newton.py", p.location());
        assertEquals(List.of("2", "--verbose"), p.arguments());
        assertEquals("> 3.10", p.requirements().python());
        assertEquals(List.of("numpy", "astropy>=5"), p.requirements().packages());
        assertEquals(List.of(), findings(PROGRAM));
    }

    @Test
    void theReportsDraftUrisAreRead() {
        for (String uri : List.of("uri:python-program", "uri:python-program-1.0")) {
            ExecutionRequest r = WireCodec.readAs(PROGRAM.replace(K + "executable/python-program.yaml", uri),
                    Format.YAML, ExecutionRequest.class);
            assertInstanceOf(PythonProgram.class, r.executable(), uri);
        }
    }

    @Test
    void survivesEveryGenerationAndFormatOlderOnesKeepingTheDraftUri() {
        WireDocument doc = WireCodec.read(PROGRAM, Format.YAML).document().orElseThrow();
        for (Dialect dialect : Dialect.values()) {
            for (Format format : Format.values()) {
                String written = WireCodec.write(doc, format, dialect);
                assertEquals(dialect != Dialect.NEWEST, written.contains("uri:python-program-1.0"), written);
                ParsedDocument again = WireCodec.read(written, format);
                assertEquals(dialect, again.dialect(), written);
                assertEquals(doc, again.document().orElseThrow(), dialect + " " + format + ":\n" + written);
            }
        }
        assertEquals("uri:python-program-1.0", Dialect.V2025_04.uri(Kind.PYTHON));
    }

    @Test
    void brokenFieldsAreErrorsAtTheirLines() {
        String broken = """
                executable:
                  kind: %sexecutable/python-program.yaml
                  requirements:
                    python: "newer than 3.10"
                    packages: [numpy, "numpy 2", ""]
                """.formatted(K);
        List<String> found = findings(broken);
        String all = String.join("\n", found);
        assertTrue(all.contains("error: the program location is missing"), all);
        assertTrue(all.contains("f.yaml:4:5: error: 'newer than 3.10' is not a version constraint"), all);
        assertTrue(all.contains("f.yaml:5:23: error: 'numpy 2' is not a package name"), all);
        assertTrue(all.contains("'' is not a package name"), all);
        String nulls = String.join("\n", findings(PROGRAM.replace("[numpy, astropy>=5]", "[numpy, null]")
                .replace("[\"2\", \"--verbose\"]", "[a, null]")));
        assertTrue(nulls.contains("item 2 of this list is empty") && nulls.contains("(executable.arguments)")
                && nulls.contains("(executable.requirements.packages)"), nulls);
    }

    @Test
    void packageEntriesAreChecked() {
        String all = String.join("\n", findings(PROGRAM.replace("[numpy, astropy>=5]", "[numpy, \"astropy >> 5\"]")));
        assertTrue(all.contains("'astropy >> 5' is not a package name") && all.contains("requirements.packages[1]"), all);
        assertTrue(String.join("\n", findings(PROGRAM.replace("https://example.org/newton.py", "ftp://x/y.py")))
                .contains("is neither an http(s): or file: URL nor a file path"));
    }

    @Test
    void versionConstraintsAdmitWhatTheySay() {
        assertTrue(VersionConstraint.parse("> 3.10").orElseThrow().admits("3.11.2"));
        assertFalse(VersionConstraint.parse("> 3.10").orElseThrow().admits("3.10"));
        assertTrue(VersionConstraint.parse("3.8").orElseThrow().admits("Python 3.12.1"));
        assertTrue(VersionConstraint.parse(">=3.10, <3.13").orElseThrow().admits("3.12.9"));
        assertFalse(VersionConstraint.parse(">=3.10, <3.13").orElseThrow().admits("3.13.0"));
        assertTrue(VersionConstraint.parse("== 3.11").orElseThrow().admits("3.11.4"));
        assertFalse(VersionConstraint.parse("== 3.11").orElseThrow().admits("3.12"));
        assertTrue(VersionConstraint.parse("~= 3.10").orElseThrow().admits("3.12"));
        assertFalse(VersionConstraint.parse("~= 3.10").orElseThrow().admits("4.0"));
        assertTrue(VersionConstraint.parse("<= 2").orElseThrow().admits("2.0.0rc1"));
        assertTrue(VersionConstraint.parse("> three").isEmpty());
        assertTrue(VersionConstraint.parse("=> 3").isEmpty());
        assertEquals("astropy >=5", PackageRequirement.parse("astropy>=5").orElseThrow().toString());
        assertTrue(PackageRequirement.parse("requests[socks] >= 2.31").isPresent());
        assertTrue(PackageRequirement.parse("numpy 2").isEmpty());
    }
}
