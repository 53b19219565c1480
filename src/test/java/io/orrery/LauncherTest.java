package io.orrery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the desktop hands the launcher: a lone task file opens in the window; anything else is a command. And the
 * {@code ./orrery} script itself, run from a copy in a temporary folder with a cleared environment (PATH=/usr/bin:/bin,
 * as an ordinary user has on Debian, no DISPLAY): it never opens a window here; where a run would start Java, a fake
 * {@code $JAVA_HOME/bin/java} prints the arguments it was given.
 */
class LauncherTest {
    private static final Path SCRIPT = Path.of("orrery").toAbsolutePath();
    private static final String SERVE_OPTIONS = "-XX:+UseSerialGC -Xmx128m -Xss256k -XX:ReservedCodeCacheSize=24m "
            + "-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1";

    @Test
    void aLoneExistingTaskFileOpensInTheWindow(@TempDir Path dir) throws Exception {
        Path task = Files.writeString(dir.resolve("run.orrery.yaml"), "executable: {}\n");
        assertTrue(Launcher.opensInWindow(task.toString()));
        assertFalse(Launcher.opensInWindow(dir.resolve("missing.yaml").toString()), "not there: a command error");
        assertFalse(Launcher.opensInWindow("validate"));
        assertFalse(Launcher.opensInWindow(dir.toString()), "a folder is not a task");
    }

    @Test
    void withoutADisplayTheWindowIsRefusedBeforeAnyBuild(@TempDir Path dir) throws Exception {
        Path script = copyOfLauncher(dir);
        Path task = Files.writeString(dir.resolve("run.orrery.yaml"), "executable: {}\n");
        for (List<String> args : List.<List<String>>of(List.of(), List.of("gui", "--demo"), List.of("bench", "--timeline"),
                List.of(task.toString()))) {
            long start = System.nanoTime();
            Run run = run(script, Map.of(), args);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(2, run.code, args + ": " + run);
            assertTrue(run.err.startsWith("orrery: no display to open the window on"), args + ": " + run);
            assertFalse(run.err.contains("building"), args + ": " + run);
            assertFalse(Files.exists(dir.resolve("target")), args + ": nothing was built");
            assertTrue(millis < 10_000, args + ": answered in " + millis + " ms");
        }
    }

    @Test
    void theCommandLineBuildsWhenThereIsNoBuild(@TempDir Path dir) throws Exception {
        Path script = copyOfLauncher(dir); // a copy without mvnw, so the build fails at once
        Run run = run(script, Map.of(), List.of("--version"));
        assertEquals(1, run.code, run.toString());
        assertTrue(run.err.contains("orrery: building (first run or sources changed)"), run.toString());
        assertTrue(run.err.contains("the build failed; see " + dir.resolve("target/build.log")), run.toString());
    }

    @Test
    void gtkIsFoundWithoutSbinOnThePath(@TempDir Path dir) throws Exception {
        boolean installed = gtkInstalled();
        Run run = run(copyOfLauncher(dir), Map.of("ORRERY_CHECK", "gtk"), List.of());
        if (installed) {
            assertEquals(0, run.code, run.toString());
            assertTrue(run.out.startsWith("orrery: GTK 3 found: "), run.toString());
            Path lib = Path.of(run.out.substring("orrery: GTK 3 found: ".length()).strip());
            assertTrue(Files.exists(lib), "names the library: " + run);
        } else {
            assertEquals(1, run.code, run.toString());
            assertTrue(run.err.contains("GTK 3 not found"), run.toString());
        }
        assertFalse(Files.exists(dir.resolve("target")), "the check builds nothing");
    }

    @Test
    void theBrokerRunsWithItsOwnSmallVmAndTheCommonOptions(@TempDir Path dir) throws Exception {
        Path script = copyWithBuild(dir, "orrery-0.1.0.jar");
        Run run = run(script, Map.of("JAVA_HOME", fakeJdk(dir).toString(), "ORRERY_JAVA_OPTS", "-Dx=1 -Dy=2"),
                List.of("serve", "--platform", "cloud"));
        assertEquals(0, run.code, run.toString());
        assertEquals(SERVE_OPTIONS + " -Dx=1 -Dy=2 " + common(dir, "orrery-0.1.0.jar")
                + " serve|--platform|cloud", javaArgs(run));
        assertTrue(run.out.contains("MALLOC_ARENA_MAX=2"), run.toString());
    }

    @Test
    void theCommandLineGetsOnlyTheCommonOptions(@TempDir Path dir) throws Exception {
        Path script = copyWithBuild(dir, "orrery-0.1.0.jar");
        Run run = run(script, Map.of("JAVA_HOME", fakeJdk(dir).toString(), "ORRERY_JAVA_OPTS", "-Dx=1"),
                List.of("validate", "a b.yaml"));
        assertEquals(0, run.code, run.toString());
        assertEquals("-Dx=1 " + common(dir, "orrery-0.1.0.jar") + " validate|a b.yaml", javaArgs(run));
        assertFalse(run.err.contains("building"), "a fresh build is not built again: " + run);
    }

    @Test
    void theJarIsTheOneTheBuildMadeNotAFixedVersion(@TempDir Path dir) throws Exception {
        Path script = copyWithBuild(dir, "orrery-0.1.0.jar");
        Path target = dir.resolve("target");
        for (String name : List.of("orrery-0.2.0.jar", "orrery-0.2.0-sources.jar", "orrery-0.2.0-tests.jar")) {
            Path jar = Files.createFile(target.resolve(name));
            Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        }
        Run run = run(script, Map.of("JAVA_HOME", fakeJdk(dir).toString()), List.of("--version"));
        assertEquals(0, run.code, run.toString());
        assertEquals(common(dir, "orrery-0.2.0.jar") + " --version", javaArgs(run));
    }

    @Test
    void theWindowGetsItsHeapJavaFxAndTheCommonOptions(@TempDir Path dir) throws Exception {
        assumeTrue(gtkInstalled(), "GTK 3 is not installed here: the launcher would install it (as root) or refuse");
        Path script = copyWithBuild(dir, "orrery-0.1.0.jar");
        String fx = "--module-path " + dir.resolve("target/fxmods") + " --add-modules javafx.controls"
                + " --add-exports=javafx.base/com.sun.javafx.event=ALL-UNNAMED"
                + " --add-exports=javafx.controls/com.sun.javafx.scene.control.behavior=ALL-UNNAMED"
                + " --add-exports=javafx.controls/com.sun.javafx.scene.control=ALL-UNNAMED"
                + " --add-opens=javafx.controls/javafx.scene.control.skin=ALL-UNNAMED"
                + " --add-opens=javafx.graphics/javafx.scene=ALL-UNNAMED"
                + " --enable-native-access=javafx.graphics";
        String jdk = fakeJdk(dir).toString();
        // a fake display: the fake java opens nothing
        Run plain = run(script, Map.of("JAVA_HOME", jdk, "DISPLAY", ":99"), List.of());
        assertEquals("-Xmx512m -XX:+UseSerialGC -XX:MaxHeapFreeRatio=40 -XX:MinHeapFreeRatio=15 " + fx + " "
                + common(dir, "orrery-0.1.0.jar") + " gui", javaArgs(plain));
        assertTrue(plain.out.contains("MALLOC_ARENA_MAX=2"), plain.toString());

        Path task = Files.writeString(dir.resolve("run.orrery.yaml"), "executable: {}\n");
        Run file = run(script, Map.of("JAVA_HOME", jdk, "DISPLAY", ":99", "ORRERY_GUI_JAVA_OPTS", "-Xmx1g",
                "ORRERY_JAVA_OPTS", "-Dx=1"), List.of(task.toString()));
        assertEquals("-Xmx1g -Dx=1 " + fx + " " + common(dir, "orrery-0.1.0.jar") + " gui|--open|" + task,
                javaArgs(file));

        Run bench = run(script, Map.of("JAVA_HOME", jdk, "WAYLAND_DISPLAY", "wayland-0"),
                List.of("bench", "--timeline", "2x3"));
        assertTrue(String.join(" ", bench.out.lines().toList()).contains(fx), "the timeline benchmark runs the real"
                + " window: " + bench);
        assertTrue(bench.out.lines().anyMatch("io.orrery.tools.Tools"::equals) && bench.out.contains(
                dir.resolve("target/test-classes").toString()), "the tools run from the checkout's test classes: " + bench);
    }

    @Test
    void serveAndTheCommandLineStartFromAClassDataArchiveMadeOncePerBuildAndJdk(@TempDir Path dir) throws Exception {
        Path script = copyWithBuild(dir, "orrery-0.1.0.jar");
        Map<String, String> env = Map.of("JAVA_HOME", cdsJdk(dir).toString());
        Run first = run(script, env, List.of("serve", "--platform", "cloud"));
        assertTrue(first.err.contains("preparing class-data sharing (app)"), first.toString());
        String archive = option(first, "-XX:SharedArchiveFile=");
        assertTrue(archive.startsWith(dir.resolve("target/cds/app-").toString()) && archive.endsWith(".jsa"), archive);
        assertEquals("java/lang/Object", Files.readString(dir.resolve("fake-jdk/dumped.list")).strip(),
                "the regenerated method-handle classes stay out of the archive");

        Run cli = run(script, env, List.of("--version"));
        assertFalse(cli.err.contains("preparing"), "made once: " + cli);
        assertEquals(archive, option(cli, "-XX:SharedArchiveFile="), "the command line maps the same archive");

        Files.setLastModifiedTime(dir.resolve("target/orrery-0.1.0.jar"),
                FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        Run rebuilt = run(script, env, List.of("serve", "--platform", "cloud"));
        String fresh = option(rebuilt, "-XX:SharedArchiveFile=");
        assertTrue(!fresh.equals(archive) && !Files.exists(Path.of(archive)), "a rebuild makes a new archive and the"
                + " old one goes: " + rebuilt);

        Run off = run(script, Map.of("JAVA_HOME", env.get("JAVA_HOME"), "ORRERY_CDS", "off"), List.of("serve",
                "--platform", "cloud"));
        assertFalse(off.out.contains("SharedArchiveFile"), off.toString());
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private record Run(int code, String out, String err) {}

    /** The class path and samples every run gets, as {@link #javaArgs} prints them. */
    private static String common(Path dir, String jar) {
        return "-Dorrery.samples=" + dir.resolve("sample-tasks") + " -cp " + dir.resolve("target/" + jar) + ":"
                + dir.resolve("target/lib") + "/* io.orrery.Launcher";
    }

    /** The fake java's arguments: options joined by spaces, the application's arguments by '|'. */
    private static String javaArgs(Run run) {
        List<String> args = new ArrayList<>(run.out.lines().filter(l -> !l.startsWith("MALLOC_ARENA_MAX=")).toList());
        int main = args.indexOf("io.orrery.Launcher");
        assertTrue(main >= 0, "java was started with io.orrery.Launcher: " + run);
        return String.join(" ", args.subList(0, main + 1))
                + (main + 1 < args.size() ? " " + String.join("|", args.subList(main + 1, args.size())) : "");
    }

    private static Path copyOfLauncher(Path dir) throws IOException {
        assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux"),
                "the ./orrery launcher is a Linux shell script");
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "no /bin/sh");
        Path script = Files.copy(SCRIPT, dir.resolve("orrery"));
        assertTrue(script.toFile().setExecutable(true));
        return script;
    }

    /** A copy of the launcher next to a build's output (no sources, so it is not stale). */
    private static Path copyWithBuild(Path dir, String jar) throws IOException {
        Path script = copyOfLauncher(dir);
        Path target = Files.createDirectories(dir.resolve("target"));
        Files.createFile(target.resolve(jar));
        Files.createDirectories(target.resolve("lib"));
        Files.createDirectories(target.resolve("fxmods"));
        Files.createDirectories(target.resolve("test-classes/io/orrery/tools"));
        return script;
    }

    /** A $JAVA_HOME whose bin/java prints its arguments, one a line, and the MALLOC_ARENA_MAX it was given. */
    private static Path fakeJdk(Path dir) throws IOException {
        Path java = Files.createDirectories(dir.resolve("fake-jdk/bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n"
                + "echo \"MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-}\"\n");
        assertTrue(java.toFile().setExecutable(true));
        return dir.resolve("fake-jdk");
    }

    /** The value of the fake java's option that starts with the prefix (fails when there is none). */
    private static String option(Run run, String prefix) {
        return run.out.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix + " in " + run));
    }

    /**
     * A fake JDK of the usual layout (lib/modules) whose java prints its arguments like {@link #fakeJdk}'s, writes a
     * class list when asked to, and an archive when asked to dump one (keeping the list it was given).
     */
    private static Path cdsJdk(Path dir) throws IOException {
        Path home = fakeJdk(dir);
        Files.createDirectories(home.resolve("lib"));
        Files.writeString(home.resolve("lib/modules"), "modules");
        Path java = home.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\ndump=0\nfor a in \"$@\"; do case \"$a\" in\n"
                + "  -XX:DumpLoadedClassList=*) printf 'java/lang/Object\\n@lambda-form-invoker [LF_RESOLVE] x\\n'"
                + " >\"${a#*=}\" ;;\n"
                + "  -Xshare:dump) dump=1 ;;\n"
                + "  -XX:SharedClassListFile=*) cp \"${a#*=}\" " + home.resolve("dumped.list") + " ;;\n"
                + "  -XX:SharedArchiveFile=*) [ $dump = 1 ] && echo archive >\"${a#*=}\" ;;\n"
                + "esac; printf '%s\\n' \"$a\"; done\n"
                + "echo \"MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-}\"\n");
        return home;
    }

    /** GTK 3 as the system has it, asked independently of the script (its usual folders, then ldconfig's cache). */
    private static boolean gtkInstalled() throws Exception {
        for (String d : List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib")) {
            if (Files.exists(Path.of(d, "libgtk-3.so.0"))) {
                return true;
            }
        }
        for (String ldconfig : List.of("/sbin/ldconfig", "/usr/sbin/ldconfig")) {
            if (Files.isExecutable(Path.of(ldconfig))) {
                Process p = new ProcessBuilder(ldconfig, "-p").redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                p.waitFor();
                return out.contains("libgtk-3.so.0");
            }
        }
        return false;
    }

    /** Runs the script with a cleared environment: PATH=/usr/bin:/bin, HOME and the config folder in the test's. */
    private static Run run(Path script, Map<String, String> env, List<String> args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(script.toString());
        command.addAll(args);
        Path dir = script.getParent();
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.environment().put("HOME", dir.toString());
        pb.environment().put("ORRERY_CONFIG_DIR", dir.resolve("config").toString());
        pb.environment().putAll(env);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the launcher did not finish within 60 s: " + command);
        }
        Run run = new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return run;
    }
}
