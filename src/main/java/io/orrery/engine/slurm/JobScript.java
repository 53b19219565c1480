package io.orrery.engine.slurm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The shell command a session's Slurm job runs: its container through the container engine's command line (the
 * offered cores and memory, no network, data mounted read-only, {@code /outputs} writable), or its notebook through
 * nbconvert. Every word is quoted for {@code sh}.
 */
final class JobScript {
    private JobScript() {
    }

    static String command(JsonNode offer, String session, Path outputs, Map<String, Path> staged, String containers) {
        JsonNode exe = offer.path("executable");
        String kind = exe.path("kind").asString("");
        List<String> words = new ArrayList<>();
        if (kind.contains("jupyter-notebook")) {
            words.addAll(List.of("jupyter-nbconvert", "--to", "notebook", "--execute", "--allow-errors",
                    "notebook.ipynb", "--output", "executed.ipynb", "--output-dir", outputs.toString()));
            return "export ORRERY_OUTPUTS=" + quote(outputs.toString()) + "; " + join(words);
        }
        if (containers == null) {
            throw new IllegalStateException("no container engine on the cluster's nodes");
        }
        JsonNode compute = offer.path("compute");
        words.addAll(List.of(containers, "run", "--rm", "--name", SlurmEngine.name(session),
                "--label", "io.orrery.session=" + session,
                "--cpus", String.valueOf(compute.path("cores").path("min").asLong(1)),
                "--memory", compute.path("memory").path("min").asLong(1) + "g", "--network", "none",
                "-v", outputs + ":/outputs:rw", "-e", "ORRERY_SESSION=" + session, "-e", "ORRERY_OUTPUTS=/outputs"));
        exe.path("environment").properties().forEach(e -> words.addAll(List.of("-e",
                e.getKey() + "=" + e.getValue().asString(""))));
        Set<String> mounted = new HashSet<>();
        for (JsonNode v : compute.path("volumes")) {
            Path file = staged.get(v.path("resource").asString(""));
            String path = v.path("path").asString("");
            if (file != null && path.startsWith("/") && !path.contains(":")) {
                words.addAll(List.of("-v", file + ":" + path + ":ro"));
                mounted.add(v.path("resource").asString(""));
            }
        }
        staged.forEach((name, file) -> {
            if (!mounted.contains(name)) {
                words.addAll(List.of("-v", file + ":/data/" + name.replaceAll("[^A-Za-z0-9._-]", "_") + ":ro"));
            }
        });
        String entrypoint = exe.path("entrypoint").asString(null);
        if (entrypoint != null && !entrypoint.isBlank()) {
            words.addAll(List.of("--entrypoint", entrypoint));
        }
        words.add(exe.path("image").path("locations").path(0).asString("").replaceFirst("^docker://", ""));
        exe.path("command").forEach(c -> words.add(c.asString("")));
        return "exec " + join(words);
    }

    static String join(List<String> words) {
        StringBuilder out = new StringBuilder();
        for (String w : words) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(quote(w));
        }
        return out.toString();
    }

    /** A word for sh: in single quotes, each single quote closed, escaped and reopened. */
    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
