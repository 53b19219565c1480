package io.orrery.cli;

import io.orrery.client.Broker;
import io.orrery.client.BrokerRegistry;
import io.orrery.client.Brokers;
import io.orrery.client.Outcome;
import io.orrery.client.compare.OfferRow;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The brokers one {@code orrery offers} asks: remote ones, and the built-in ones on the stores and clock the window
 * uses, so that their offers outlive the command. When the window holds those stores, the built-in brokers answer
 * from memory instead, with a note that their offers are not kept.
 */
final class AskedBrokers implements AutoCloseable {
    private final List<Broker> brokers = new ArrayList<>();
    private final List<Broker> owned = new ArrayList<>();
    private final Set<String> notKept = new HashSet<>();
    /** The built-in brokers that have not answered yet: once they all have, their stores are let go. */
    private final Set<String> unanswered = new HashSet<>();
    private BuiltInBrokers builtIns;
    private boolean released;

    private AskedBrokers() {}

    /** Opens every named broker (a URL, a registered name or builtin:NAME); file work for the built-in ones. */
    static AskedBrokers open(List<String> names, BrokerRegistry registry, Duration timeout, PrintWriter err) {
        AskedBrokers a = new AskedBrokers();
        try {
            for (String name : names) {
                Optional<String> platform = BuiltInBrokers.platform(name, registry);
                if (platform.isPresent() && a.builtIns(err)) {
                    Broker b = a.builtIns.broker(platform.get());
                    a.brokers.add(b);
                    a.unanswered.add(b.name());
                } else {
                    Broker b = Brokers.open(name, registry, Clock.systemUTC(), timeout);
                    a.brokers.add(b);
                    a.owned.add(b);
                    if (platform.isPresent()) {
                        a.notKept.add(b.name());
                    }
                }
            }
            return a;
        } catch (RuntimeException e) {
            a.close();
            throw e;
        }
    }

    private boolean builtIns(PrintWriter err) {
        if (builtIns == null && notKept.isEmpty()) {
            try {
                builtIns = BuiltInBrokers.open();
                if (!builtIns.clock().shift().isZero()) {
                    err.println(ClockCommand.state(builtIns.clock()) + ": the built-in brokers answer as of then"
                            + " ('orrery clock reset' returns to real time)");
                }
            } catch (BuiltInBrokers.InUse e) {
                err.println("orrery offers: " + e.getMessage() + "; the built-in brokers answer from memory, and"
                        + " their offers will not be kept");
                err.flush();
                return false;
            }
        }
        return builtIns != null;
    }

    List<Broker> brokers() {
        return brokers;
    }

    /**
     * An answer came. Once every built-in broker has answered, their stores and the configuration directory's lock
     * are let go, so a window opened while slower remote brokers are still being asked is not refused.
     */
    synchronized void answered(Outcome o) {
        if (unanswered.remove(o.broker()) && unanswered.isEmpty()) {
            releaseBuiltIns();
        }
    }

    private synchronized void releaseBuiltIns() {
        if (builtIns != null && !released) {
            released = true;
            builtIns.close();
        }
    }

    /** The now a broker's offers are judged by: the built-in brokers' (perhaps simulated) clock, else real time. */
    Instant now(String broker) {
        boolean builtIn = builtIns != null && broker.startsWith("builtin:") && !notKept.contains(broker);
        return builtIn ? builtIns.clock().instant() : Instant.now();
    }

    /** Remembers the listing for {@code orrery accept N}; a failure to write it is said, not fatal. */
    void remember(List<OfferRow> rows, PrintWriter err) {
        try {
            LastListing.save(BrokerRegistry.defaultDirectory(), rows, Instant.now(), notKept);
        } catch (IOException e) {
            err.println("orrery offers: cannot remember this listing for 'orrery accept N': " + e.getMessage());
        }
    }

    @Override
    public void close() {
        owned.forEach(Broker::close);
        releaseBuiltIns();
    }
}
