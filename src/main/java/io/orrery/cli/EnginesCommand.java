package io.orrery.cli;

import io.orrery.engine.EngineProbe;
import io.orrery.engine.EngineSocket;
import io.orrery.engine.Jupyter;
import io.orrery.engine.Machine;
import io.orrery.engine.slurm.SlurmStatus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** {@code orrery engines}: what this machine has for running real work. */
@Command(name = "engines", mixinStandardHelpOptions = true, subcommands = EnginesSetupCommand.class,
        description = {"Report what this machine has for running real work: the container engines (Docker engine or",
            "Podman through the Docker API on a Unix socket: DOCKER_HOST, /var/run/docker.sock, /run/podman/podman.sock,",
            "$XDG_RUNTIME_DIR/podman/podman.sock), each asked for its version; jupyter-nbconvert; cores and memory.",
            "Exit status: 0 when a container engine answers, 1 otherwise."})
public final class EnginesCommand implements Callable<Integer> {
    static final String NONE = "no container engine: run 'orrery engines setup' as root (Debian or Ubuntu), "
            + "or install docker.io or podman and start it";

    @Option(names = "--json", description = "print JSON, for scripts")
    boolean json;

    @Option(names = "--socket", paramLabel = "PATH", description = "also probe this Unix socket (first)")
    List<Path> sockets = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT2S",
            description = "how long each socket may take to answer (ISO-8601, default ${DEFAULT-VALUE})")
    Duration timeout;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--timeout must be longer than zero, not " + timeout);
        }
        List<EngineSocket> engines = new EngineProbe(System.getenv(), timeout).probeAll(sockets);
        Jupyter jupyter = Jupyter.probe(System.getenv("PATH"), Duration.ofSeconds(20));
        Machine machine = Machine.probe();
        SlurmStatus slurm = SlurmStatus.probe(System.getenv(), Duration.ofSeconds(10));
        boolean ready = engines.stream().anyMatch(EngineSocket::answers);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(json(engines, jupyter, machine, slurm, ready));
        } else {
            table(out, engines, jupyter, machine, slurm);
        }
        out.flush();
        if (!ready) {
            spec.commandLine().getErr().println("orrery engines: " + NONE);
            spec.commandLine().getErr().flush();
        }
        return ready ? 0 : 1;
    }

    static void table(PrintWriter out, List<EngineSocket> engines, Jupyter jupyter, Machine machine, SlurmStatus slurm) {
        int width = Math.max(6, engines.stream().mapToInt(e -> e.socket().length()).max().orElse(0));
        String row = "%-7s %-" + width + "s %-15s %-11s %-9s %-5s %s%n";
        out.printf(row, "ENGINE", "SOCKET", "FROM", "STATE", "VERSION", "API", "DETAIL");
        for (EngineSocket e : engines) {
            out.printf(row, e.engine(), e.socket(), e.from(), e.state().label(), dash(e.version()), dash(e.apiVersion()),
                    e.detail());
        }
        out.println();
        out.println("jupyter: " + (jupyter.found() ? Jupyter.PROGRAM + " " + jupyter.version() + " (" + jupyter.path() + ")"
                : jupyter.detail()));
        out.println("machine: " + machine.cores() + " cores, " + (machine.memoryBytes() < 0 ? "memory unknown"
                : String.format(Locale.ROOT, "%.1f GiB memory", machine.memoryBytes() / (double) (1L << 30))));
        out.println("slurm: " + (slurm.up() ? "answers (" + slurm.conf() + "): " : "") + slurm.detail());
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }

    static String json(List<EngineSocket> engines, Jupyter jupyter, Machine machine, SlurmStatus slurm, boolean ready) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("ready", ready);
        ArrayNode list = root.putArray("engines");
        for (EngineSocket e : engines) {
            ObjectNode n = list.addObject();
            n.put("engine", e.engine());
            n.put("socket", e.socket());
            n.put("from", e.from());
            n.put("state", e.state().label());
            n.put("version", e.version());
            n.put("apiVersion", e.apiVersion());
            n.put("detail", e.detail());
        }
        ObjectNode j = root.putObject("jupyter");
        j.put("found", jupyter.found());
        j.put("path", jupyter.path());
        j.put("version", jupyter.version());
        j.put("detail", jupyter.detail());
        ObjectNode m = root.putObject("machine");
        m.put("cores", machine.cores());
        m.put("memoryBytes", machine.memoryBytes());
        ObjectNode sl = root.putObject("slurm");
        sl.put("conf", slurm.conf().toString());
        sl.put("up", slurm.up());
        sl.put("detail", slurm.detail());
        if (!ready) {
            root.put("message", NONE);
        }
        return JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }
}
