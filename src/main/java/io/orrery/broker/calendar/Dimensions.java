package io.orrery.broker.calendar;

import io.orrery.broker.platform.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The capacity dimensions of a platform: cores, memory (GiB), storage (GiB), then each GPU model. */
public final class Dimensions {
    public static final int CORES = 0;
    public static final int MEMORY = 1;
    public static final int STORAGE = 2;

    private final List<String> gpuModels;

    public Dimensions(Platform platform) {
        this.gpuModels = List.copyOf(new TreeSet<>(platform.capacity().gpus().keySet()));
    }

    public int size() {
        return 3 + gpuModels.size();
    }

    /** The index of a GPU model, or -1 if the platform has none of it. */
    public int gpu(String model) {
        int i = gpuModels.indexOf(model);
        return i < 0 ? -1 : 3 + i;
    }

    public List<String> gpuModels() {
        return gpuModels;
    }

    /** The name of dimension i, for messages. */
    public String name(int i) {
        return switch (i) {
            case CORES -> "cores";
            case MEMORY -> "memory (GiB)";
            case STORAGE -> "storage (GiB)";
            default -> "GPUs (" + gpuModels.get(i - 3) + ")";
        };
    }

    public long[] capacity(Platform platform) {
        long[] v = vector(platform.capacity().cores(), platform.capacity().memory(), platform.capacity().storage());
        for (Map.Entry<String, Long> g : platform.capacity().gpus().entrySet()) {
            v[gpu(g.getKey())] = g.getValue();
        }
        return v;
    }

    public long[] vector(long cores, long memory, long storage) {
        long[] v = new long[size()];
        v[CORES] = cores;
        v[MEMORY] = memory;
        v[STORAGE] = storage;
        return v;
    }

    /** The names of the dimensions, in order. */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            out.add(name(i));
        }
        return out;
    }
}
