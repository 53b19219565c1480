package io.orrery.engine.slurm;

import io.orrery.broker.ExternalLoad;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a Slurm cluster has and what it is doing, read with its own commands: the nodes' cores, memory and GPUs
 * ({@code scontrol show node}), the partition sessions go to ({@code scontrol show partition}), the queue
 * ({@code squeue --json}: running jobs until their time limit, pending ones at their planned start) and the
 * reservations ({@code scontrol show reservation}). Work named {@code orrery-SESSION} after one of this broker's own
 * sessions is left out of the load (the broker books it already); another broker's counts as anyone else's.
 */
public final class SlurmCluster {
    /** The prefix of the reservations and jobs a broker of ours makes. */
    public static final String OURS = "orrery-";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The cluster's size: cores, memory in MiB and GPUs by model, over the nodes that can run work. */
    public record Size(long cores, long memoryMiB, Map<String, Long> gpus, int nodes) {
    }

    /** The partition sessions run in, its longest job and its node list. */
    public record Partition(String name, Optional<Duration> maxTime) {
    }

    private final SlurmCli cli;
    private final ZoneId zone;

    public SlurmCluster(SlurmCli cli, ZoneId zone) {
        this.cli = cli;
        this.zone = zone;
    }

    public SlurmCli cli() {
        return cli;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The size of the partition's nodes that can run work. */
    public Size size(String partition) throws IOException {
        long cores = 0;
        long memory = 0;
        int nodes = 0;
        Map<String, Long> gpus = new LinkedHashMap<>();
        for (Map<String, String> n : SlurmRecords.parse(cli.ok("scontrol", "show", "node", "-o"))) {
            String state = n.getOrDefault("State", "").toUpperCase(java.util.Locale.ROOT);
            boolean inPartition = java.util.Arrays.asList(n.getOrDefault("Partitions", "").split(",")).contains(partition);
            if (!inPartition || state.contains("DOWN") || state.contains("DRAIN") || state.contains("FAIL")) {
                continue;
            }
            nodes++;
            cores += SlurmRecords.number(n.get("CPUTot"), 0);
            memory += SlurmRecords.number(n.get("RealMemory"), 0);
            SlurmRecords.gpus(n.get("Gres")).forEach((k, v) -> gpus.merge(k, v, Long::sum));
        }
        if (nodes == 0) {
            throw new IOException("partition " + partition + " has no node that can run work (all down or drained)");
        }
        return new Size(cores, memory, gpus, nodes);
    }

    /** The partition named (null: the default one, or the first). */
    public Partition partition(String named) throws IOException {
        List<Map<String, String>> all = SlurmRecords.parse(cli.ok("scontrol", "show", "partition", "-o"));
        if (all.isEmpty()) {
            throw new IOException("the cluster has no partition");
        }
        if (named != null && !named.isBlank()) {
            Map<String, String> p = all.stream().filter(x -> named.equals(x.get("PartitionName"))).findFirst()
                    .orElseThrow(() -> new IOException("the cluster has no partition '" + named + "' (it has "
                            + all.stream().map(x -> x.get("PartitionName")).toList() + ")"));
            return new Partition(p.get("PartitionName"), maxTime(p.get("MaxTime")));
        }
        Map<String, String> p = all.stream().filter(x -> "YES".equals(x.get("Default"))).findFirst().orElse(all.get(0));
        return new Partition(p.get("PartitionName"), maxTime(p.get("MaxTime")));
    }

    /** {@code UNLIMITED}, {@code 60} (minutes), {@code 1-00:00:00}, {@code 02:00:00}. */
    static Optional<Duration> maxTime(String text) {
        if (text == null || text.equalsIgnoreCase("UNLIMITED") || text.equalsIgnoreCase("INFINITE")) {
            return Optional.empty();
        }
        String days = "0";
        String rest = text;
        if (text.contains("-")) {
            days = text.substring(0, text.indexOf('-'));
            rest = text.substring(text.indexOf('-') + 1);
        }
        String[] hms = rest.split(":");
        try {
            long seconds = Long.parseLong(days) * 86400;
            if (hms.length == 1) {
                seconds += Long.parseLong(hms[0]) * 60;
            } else {
                long m = 1;
                for (int i = hms.length - 1; i >= 0; i--, m *= 60) {
                    seconds += Long.parseLong(hms[i]) * m;
                }
            }
            return Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Everyone else's work from now on: running jobs until their time limit, pending jobs from their planned start
     * (once the scheduler has planned one) for their time limit, and reservations not ours.
     */
    public List<ExternalLoad.Booking> load(Instant now, java.util.function.Predicate<String> ownSession)
            throws IOException {
        List<ExternalLoad.Booking> out = new ArrayList<>();
        JsonNode queue;
        try {
            queue = JSON.readTree(cli.ok("squeue", "--json"));
        } catch (JacksonException e) {
            throw new IOException("squeue --json answered something not JSON", e);
        }
        for (JsonNode j : queue.path("jobs")) {
            String name = j.path("name").asString("");
            String state = j.path("job_state").asString("");
            if (mine(name, ownSession) || !(state.equals("RUNNING") || state.equals("PENDING")
                    || state.equals("CONFIGURING") || state.equals("SUSPENDED"))) {
                continue;
            }
            long start = j.path("start_time").asLong(0);
            long end = j.path("end_time").asLong(0);
            if (start <= 0 || end <= start) {
                continue; // pending with no planned start yet: the next snapshot will have it
            }
            long cpus = j.path("cpus").asLong(1);
            long memoryMiB = j.path("memory_per_node").isNumber() ? j.path("memory_per_node").asLong()
                    : j.path("memory_per_cpu").asLong(0) * cpus;
            out.add(new ExternalLoad.Booking("job-" + j.path("job_id").asLong(), Instant.ofEpochSecond(start),
                    Instant.ofEpochSecond(end), cpus, (memoryMiB + 1023) / 1024));
        }
        for (Map<String, String> r : reservations()) {
            String name = r.getOrDefault("ReservationName", "");
            Optional<Instant> start = SlurmRecords.time(r.get("StartTime"), zone);
            Optional<Instant> end = SlurmRecords.time(r.get("EndTime"), zone);
            if (mine(name, ownSession) || start.isEmpty() || end.isEmpty() || !end.get().isAfter(now)) {
                continue;
            }
            out.add(new ExternalLoad.Booking("reservation-" + name, start.get(), end.get(),
                    SlurmRecords.number(r.get("CoreCnt"), 0), 0));
        }
        return out;
    }

    /** Whether work is this broker's own (booked already): named after one of its sessions. */
    private static boolean mine(String name, java.util.function.Predicate<String> ownSession) {
        return name.startsWith(OURS) && ownSession.test(name.substring(OURS.length()));
    }

    List<Map<String, String>> reservations() throws IOException {
        SlurmCli.Result r = cli.run("scontrol", "show", "reservation", "-o");
        if (!r.ok()) {
            throw new IOException("scontrol show reservation: " + r.problem());
        }
        return r.out().contains("No reservations") ? List.of() : SlurmRecords.parse(r.out());
    }
}
