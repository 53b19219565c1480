package io.orrery.cli;

import java.util.function.Supplier;

/** A value worked out once, when first asked for (probing the machine, say, only when a platform needs it). */
final class Memo<T> implements Supplier<T> {
    private final Supplier<T> source;
    private T value;
    private boolean done;

    private Memo(Supplier<T> source) {
        this.source = source;
    }

    static <T> Memo<T> of(Supplier<T> source) {
        return new Memo<>(source);
    }

    @Override
    public synchronized T get() {
        if (!done) {
            value = source.get();
            done = true;
        }
        return value;
    }
}
