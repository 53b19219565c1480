package io.orrery.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Installs and starts what {@link EngineProbe} looks for, on Debian or Ubuntu as root: Podman serving the Docker API on
 * {@code /run/podman/podman.sock}, Jupyter's nbconvert and the local test image {@value #TEST_IMAGE}. The recipe is the
 * shell script {@value #SCRIPT} beside this class; each of its steps first looks whether it is already done.
 */
public final class EngineSetup {
    /** The resource holding the containers' recipe. */
    public static final String SCRIPT = "setup-engines.sh";

    /** What can be set up: each a shell recipe beside this class, read after the shared part. */
    public enum Recipe {
        /** Podman serving the Docker API, Jupyter's nbconvert and the test image. */
        CONTAINERS(SCRIPT),
        /** A single-node Slurm cluster on loopback (munge, slurmctld, slurmd). */
        SLURM("setup-slurm.sh");

        private final String resource;

        Recipe(String resource) {
            this.resource = resource;
        }

        public String resource() {
            return resource;
        }
    }

    private static final String COMMON = "setup-common.sh";
    /** The image the recipe imports, built from Debian's busybox-static. */
    public static final String TEST_IMAGE = "orrery-hello:1";
    /** The label the test image carries, for tests to find it. */
    public static final String TEST_IMAGE_LABEL = "io.orrery.test-image=hello";

    private EngineSetup() {
    }

    /**
     * Why setup cannot run here, or null when it can.
     *
     * @param uid the effective user id
     * @param osRelease the text of {@code /etc/os-release}, or null when there is none
     */
    public static String refusal(long uid, String osRelease) {
        if (!debianLike(osRelease)) {
            return "this machine is not Debian or Ubuntu (" + osName(osRelease) + "); install docker.io or podman "
                    + "and jupyter-nbconvert with its own package manager";
        }
        if (uid != 0) {
            return "needs root (running as uid " + uid + "): run it with sudo, or see what it would do with --dry-run";
        }
        return null;
    }

    static boolean debianLike(String osRelease) {
        if (osRelease == null) {
            return false;
        }
        return osRelease.lines().map(String::strip).anyMatch(line -> {
            String[] kv = line.split("=", 2);
            if (kv.length < 2 || !(kv[0].equals("ID") || kv[0].equals("ID_LIKE"))) {
                return false;
            }
            List<String> ids = Arrays.asList(unquote(kv[1]).toLowerCase(Locale.ROOT).split("\\s+"));
            return ids.contains("debian") || ids.contains("ubuntu");
        });
    }

    private static String osName(String osRelease) {
        if (osRelease == null) {
            return "no /etc/os-release";
        }
        return osRelease.lines().filter(l -> l.startsWith("PRETTY_NAME=")).map(l -> unquote(l.substring(12)))
                .findFirst().orElse("unknown system");
    }

    private static String unquote(String s) {
        String v = s.strip();
        return v.length() >= 2 && (v.startsWith("\"") || v.startsWith("'")) ? v.substring(1, v.length() - 1) : v;
    }

    /** The effective user id of this process (the owner of {@code /proc/self}), or -1 when it cannot be told. */
    public static long currentUid() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return -1;
        }
    }

    /** The text of an os-release file, or null when it cannot be read. */
    public static String readOsRelease(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return null;
        }
    }

    /** The containers' recipe's text, with the shared part before it. */
    public static String script() {
        return script(Recipe.CONTAINERS);
    }

    /** A recipe's text, with the shared part before it. */
    public static String script(Recipe recipe) {
        return resource(COMMON) + "\n" + resource(recipe.resource());
    }

    private static String resource(String name) {
        try (InputStream in = EngineSetup.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs the recipe with bash, giving each line it prints (standard output and error together) as it comes.
     *
     * @param dryRun only print what it would do
     * @return the script's exit status
     */
    public static int run(boolean dryRun, Consumer<String> lines) throws IOException, InterruptedException {
        return run(Recipe.CONTAINERS, dryRun, lines);
    }

    /** Runs a recipe with bash, giving each line it prints as it comes; returns its exit status. */
    public static int run(Recipe recipe, boolean dryRun, Consumer<String> lines) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", "-c", script(recipe), recipe.resource())
                .redirectErrorStream(true);
        pb.environment().put("DRY_RUN", dryRun ? "1" : "0");
        Process p = pb.start();
        p.getOutputStream().close();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lines.accept(line);
            }
        } finally {
            if (Thread.currentThread().isInterrupted()) {
                p.destroy();
            }
        }
        return p.waitFor();
    }
}
