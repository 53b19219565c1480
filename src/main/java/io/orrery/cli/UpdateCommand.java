package io.orrery.cli;

import io.orrery.client.Broker;
import io.orrery.client.BrokerError;
import io.orrery.client.Brokers;
import io.orrery.client.UpdateResult;
import io.orrery.model.SessionPhase;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code orrery accept|reject OFFER_URL} and {@code orrery cancel SESSION_URL}. */
public abstract class UpdateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "URL", description = "the offer's or session's URL (meta.url)")
    String url;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    abstract SessionPhase target();

    @Override
    public Integer call() {
        try (Broker broker = Brokers.forResource(url, ClientSupport.registry(), Clock.systemUTC())) {
            UpdateResult r = broker.update(url, target());
            spec.commandLine().getOut().println(url + ": " + r.reread().phase());
            if (!r.applied()) {
                spec.commandLine().getErr().println("orrery " + spec.name() + ": " + r.warning());
                return 1;
            }
            return 0;
        } catch (BrokerError e) {
            spec.commandLine().getErr().println("orrery " + spec.name() + ": " + e.getMessage());
            return e.kind() == BrokerError.Kind.REFUSED && e.status() == 0 ? 2 : 1;
        }
    }

    @Command(name = "accept", mixinStandardHelpOptions = true,
            description = {"Accept an offer (its siblings are rejected); checks with a fresh read that the broker did.",
                "Exit status: 0 accepted, 1 refused or not applied, 2 usage error."})
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
