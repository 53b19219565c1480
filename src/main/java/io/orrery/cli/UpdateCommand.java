package io.orrery.cli;

import io.orrery.client.Broker;
import io.orrery.client.BrokerError;
import io.orrery.client.BrokerRegistry;
import io.orrery.client.Brokers;
import io.orrery.client.LocalBroker;
import io.orrery.client.UpdateResult;
import io.orrery.model.SessionPhase;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code orrery accept|reject OFFER} and {@code orrery cancel SESSION}: the offer or session by URL, or by its number
 * in the last {@code orrery offers} listing. Built-in brokers' offers are found in their stores (the window's).
 */
public abstract class UpdateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "URL|#", description = "the offer's or session's URL (meta.url), or its number in the"
            + " last 'orrery offers' listing")
    String url;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    abstract SessionPhase target();

    @Override
    public Integer call() {
        try {
            LastListing.Entry picked = LastListing.isIndex(url)
                    ? LastListing.pick(BrokerRegistry.defaultDirectory(), url) : null;
            String target = picked == null ? url : picked.url();
            if (LocalBroker.isBuiltIn(target)) {
                try (BuiltInBrokers builtIns = BuiltInBrokers.open()) {
                    check(picked, builtIns.clock().instant());
                    return apply(builtIns.forUrl(target), target);
                }
            }
            try (Broker broker = Brokers.forResource(target, ClientSupport.registry(), Clock.systemUTC())) {
                check(picked, Instant.now());
                return apply(broker, target);
            }
        } catch (LastListing.Problem e) {
            return fail(e.getMessage(), e.code());
        } catch (BuiltInBrokers.InUse e) {
            return fail(e.getMessage(), 1);
        } catch (BrokerError e) {
            return fail(e.getMessage(), e.kind() == BrokerError.Kind.REFUSED && e.status() == 0 ? 2 : 1);
        }
    }

    /** An offer picked by number must not have expired before it is accepted. */
    private void check(LastListing.Entry picked, Instant now) throws LastListing.Problem {
        if (picked != null && target() == SessionPhase.ACCEPTED) {
            LastListing.checkAlive(picked, now);
        }
    }

    private int apply(Broker broker, String target) {
        UpdateResult r = broker.update(target, target());
        spec.commandLine().getOut().println(target + ": " + r.reread().phase());
        if (!r.applied()) {
            return fail(r.warning(), 1);
        }
        if (target() == SessionPhase.ACCEPTED && broker instanceof io.orrery.client.LocalBroker local && local.realTime()) {
            spec.commandLine().getErr().println("orrery " + spec.name() + ": " + broker.name() + " runs the session on"
                    + " this machine while a program holds it open: follow it with 'orrery watch " + target
                    + "' or 'orrery logs --follow " + target + "', or in the window");
        }
        return 0;
    }

    private int fail(String message, int code) {
        spec.commandLine().getErr().println("orrery " + spec.name() + ": " + message);
        return code;
    }

    @Command(name = "accept", mixinStandardHelpOptions = true,
            description = {"Accept an offer (its siblings are rejected); checks with a fresh read that the broker did.",
                "Give its URL or its number in the last 'orrery offers' listing ('orrery accept 1').",
                "Exit status: 0 accepted, 1 refused, expired or not applied, 2 usage error (such as a number the"
                    + " last listing does not have)."})
    public static final class Accept extends UpdateCommand {
        @Override
        SessionPhase target() {
            return SessionPhase.ACCEPTED;
        }
    }

    @Command(name = "reject", mixinStandardHelpOptions = true,
            description = "Reject an offer, freeing what it holds; checks with a fresh read that the broker did.")
    public static final class Reject extends UpdateCommand {
        @Override
        SessionPhase target() {
            return SessionPhase.REJECTED;
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true,
            description = "Cancel an accepted session; checks with a fresh read that the broker did.")
    public static final class Cancel extends UpdateCommand {
        @Override
        SessionPhase target() {
            return SessionPhase.CANCELLED;
        }
    }
}
