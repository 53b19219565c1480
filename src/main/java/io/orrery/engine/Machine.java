package io.orrery.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's cores (those this process may use) and total memory.
 *
 * @param cores processors available to the JVM
 * @param memoryBytes total memory from {@code /proc/meminfo}, or -1 when it cannot be read
 */
public record Machine(int cores, long memoryBytes) {
    public static Machine probe() {
        return new Machine(Runtime.getRuntime().availableProcessors(), memTotal(Path.of("/proc/meminfo")));
    }

    static long memTotal(Path meminfo) {
        try {
            for (String line : Files.readAllLines(meminfo)) {
                if (line.startsWith("MemTotal:")) {
                    String[] parts = line.substring("MemTotal:".length()).strip().split("\\s+");
                    return Long.parseLong(parts[0]) * (parts.length > 1 && parts[1].equalsIgnoreCase("kB") ? 1024 : 1);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
