package io.orrery.cli;

import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.broker.platform.PlatformException;
import io.orrery.client.BrokerConfig;
import io.orrery.client.BrokerError;
import io.orrery.client.BrokerRegistry;
import io.orrery.client.LocalBroker;
import io.orrery.client.ShiftedClock;
import io.orrery.workbench.InstanceLock;
import io.orrery.workbench.library.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in brokers as the window keeps them: the same stores ({@code offline/NAME} in the configuration
 * directory) and the same simulated clock (the window's {@code offline.shift} setting), so that offers made by one
 * command can be accepted, watched and cancelled by the next one, or in the window. One program at a time may hold
 * them, since each keeps what it read in memory: this takes the window's own lock on the configuration directory
 * while it is open (waiting a moment for another command to finish), and says plainly when the window holds it.
 */
final class BuiltInBrokers implements AutoCloseable {
    /** The setting the window keeps the built-in brokers' clock shift under (BrokersController). */
    static final String SHIFT = "offline.shift";
    private static final Duration PATIENCE = Duration.ofSeconds(3);
    /** The same built-in brokers as the window's: {@code local} runs real work, the others simulate it. */
    private static final LocalBuiltIns OPENER = new LocalBuiltIns();

    /** The window (or another command) holds the configuration directory. */
    static final class InUse extends Exception {
        InUse(Path dir) {
            super("the built-in brokers' offers and sessions in " + dir.resolve("offline") + " are in use by the"
                    + " Orrery window open with this configuration directory (or by another orrery command): use the"
                    + " window's Offers and Monitor tabs, close it, or give this command another directory with"
                    + " ORRERY_CONFIG_DIR");
        }
    }

    private final Path dir;
    private final InstanceLock lock;
    private final Settings settings;
    private final ShiftedClock clock;
    private final Duration shiftAtOpen;
    private final Map<String, LocalBroker> open = new LinkedHashMap<>();

    private BuiltInBrokers(Path dir, InstanceLock lock) {
        this.dir = dir;
        this.lock = lock;
        this.settings = new Settings(dir);
        this.clock = ShiftedClock.restored(Clock.systemUTC(), settings.text(SHIFT, null));
        this.shiftAtOpen = clock.shift();
    }

    /** The built-in brokers of the user's configuration directory. */
    static BuiltInBrokers open() throws InUse {
        return open(BrokerRegistry.defaultDirectory());
    }

    static BuiltInBrokers open(Path dir) throws InUse {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            try {
                return new BuiltInBrokers(dir, InstanceLock.acquire(dir));
            } catch (InstanceLock.Held held) {
                if (System.nanoTime() > deadline) {
                    throw new InUse(held.directory());
                }
                try {
                    Thread.sleep(100); // another command's read takes milliseconds; the window holds it for good
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InUse(held.directory());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lock the configuration directory " + dir + ": "
                        + e.getMessage(), e);
            }
        }
    }

    /**
     * The built-in platform a broker named on the command line stands for: {@code builtin:NAME}, or a name from
     * the broker list whose URL is one. Empty for remote brokers and for platform files (those stay in memory).
     */
    static Optional<String> platform(String nameOrUrl, BrokerRegistry registry) {
        String url = nameOrUrl;
        if (!LocalBroker.isBuiltIn(url)) {
            url = registry.named(nameOrUrl).filter(BrokerConfig::builtIn).map(BrokerConfig::url).orElse(null);
        }
        if (url == null) {
            return Optional.empty();
        }
        String p = LocalBroker.platformOf(url);
        return OPENER.names().contains(p) ? Optional.of(p) : Optional.empty();
    }

    /** The clock the built-in brokers run on; moving it here is saved when this closes. */
    ShiftedClock clock() {
        return clock;
    }

    /** The built-in broker on a platform, opened on its store once. */
    LocalBroker broker(String platform) {
        return open.computeIfAbsent(platform, p -> {
            try {
                return OPENER.open("builtin:" + p, OPENER.platform(p), clock, dir.resolve("offline").resolve(p));
            } catch (PlatformException e) {
                throw new BrokerError(BrokerError.Kind.NOT_FOUND, 0, e.getMessage());
            }
        });
    }

    /** The built-in broker an offer's or session's URL ({@code builtin:NAME/sessions/UUID}) belongs to. */
    LocalBroker forUrl(String url) {
        String p = LocalBroker.platformOf(url);
        if (!OPENER.names().contains(p)) {
            throw new BrokerError(BrokerError.Kind.NOT_FOUND, 0, "'" + url + "' names no built-in broker (they are "
                    + String.join(", ", OPENER.names()) + ")");
        }
        return broker(p);
    }

    /** Every simulated built-in broker (those the offline clock moves), opened. */
    List<LocalBroker> all() {
        List<LocalBroker> out = new ArrayList<>();
        PlatformCatalog.BUILT_IN.forEach(p -> out.add(broker(p)));
        return out;
    }

    /** Closes the stores, saves the clock if it moved, and lets the directory go. */
    @Override
    public void close() {
        try {
            open.values().forEach(LocalBroker::close);
            if (!clock.shift().equals(shiftAtOpen)) {
                settings.put(SHIFT, clock.shift().toString());
                settings.save();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the built-in brokers' clock in " + dir + ": "
                    + e.getMessage(), e);
        } finally {
            lock.close();
        }
    }
}
