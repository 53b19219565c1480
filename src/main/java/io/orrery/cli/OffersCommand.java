package io.orrery.cli;

import io.orrery.client.BrokerError;
import io.orrery.client.FanOut;
import io.orrery.client.Outcome;
import io.orrery.client.compare.Comparison;
import io.orrery.client.compare.OfferRow;
import io.orrery.client.compare.Rank;
import io.orrery.client.export.ExportFormat;
import io.orrery.client.export.ExportTable;
import io.orrery.model.ExecutionRequest;
import io.orrery.model.check.LocatedFinding;
import io.orrery.model.codec.Format;
import io.orrery.model.codec.WireCodec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code orrery offers TASK --broker ...}: asks brokers at once and compares their offers. */
@Command(name = "offers", mixinStandardHelpOptions = true,
        description = {"Ask brokers for offers for a task, all at once, and compare them.",
            "A broker is a URL, a name from 'orrery brokers list', or builtin:NAME (a built-in platform in process,",
            "keeping its offers and sessions where the window does, so 'orrery accept N' takes an offer by its number).",
            "Brokers that fail or do not answer within --timeout are listed with the error; the answers that came are kept.",
            "Exit status: 0 when any offer came back, 3 when all said NO, 4 when all failed, 2 on usage errors."})
public final class OffersCommand implements Callable<Integer> {
    @Parameters(paramLabel = "TASK", description = "the request, YAML or JSON")
    Path task;

    @Option(names = "--broker", required = true, paramLabel = "URL|NAME|builtin:NAME", description = "a broker (repeatable)")
    List<String> brokers;

    @Option(names = "--json", description = "the same as --format json")
    boolean json;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "table (for people), json (every field, and each broker's answer), csv, or votable (an IVOA"
                    + " VOTable for TOPCAT and the VO tools) (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--rank", defaultValue = "start", paramLabel = "ORDER",
            description = "start, finish, cost, energy or carbon (default: ${DEFAULT-VALUE})")
    String rank;

    @Option(names = "--timeout", defaultValue = "PT30S", paramLabel = "DURATION",
            description = "longest wait for all answers; brokers silent by then count as timed out (default: ${DEFAULT-VALUE})")
    Duration timeout;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ExecutionRequest request = InputFile.request(task, err);
        if (request == null) {
            return 2;
        }
        Rank order = rank();
        ExportFormat as = format();
        if (timeout.isNegative() || timeout.isZero()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--timeout must be longer than zero, not " + timeout);
        }
        List<Outcome> outcomes;
        String text;
        try (AskedBrokers open = AskedBrokers.open(brokers, ClientSupport.registry(), timeout, err)) {
            outcomes = FanOut.within(open.brokers(), request, o -> {
                open.answered(o);
                synchronized (err) {
                    err.println(progress(o));
                    err.flush();
                }
            }, timeout);
            List<OfferRow> rows = Comparison.of(request, outcomes, open::now, order);
            open.remember(rows, err);
            text = as == null ? OffersOutput.table(rows, outcomes) : as.text(ExportTable.of(ExportTable.nameOf(request),
                    Instant.now(), rows, outcomes, open::now, OfferRow::flags));
        } catch (BrokerError e) {
            err.println("orrery offers: " + e.getMessage());
            return 2;
        }
        out.print(text);
        out.flush();
        if (outcomes.stream().anyMatch(o -> o instanceof Outcome.Offers)) {
            return 0;
        }
        return outcomes.stream().anyMatch(o -> o instanceof Outcome.No) ? 3 : 4;
    }

    /** The export format asked for, or null for the table; --json is --format json. */
    private ExportFormat format() {
        String word = format.toLowerCase(Locale.ROOT);
        ExportFormat f = word.equals("table") ? null : ExportFormat.named(word);
        if (f == null && !word.equals("table")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--format takes table, json, csv or votable, not " + format);
        }
        if (json && f != null && f != ExportFormat.JSON) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--json and --format " + format + " disagree");
        }
        return json ? ExportFormat.JSON : f;
    }

    private Rank rank() {
        return switch (rank.toLowerCase(Locale.ROOT)) {
            case "start" -> Rank.EARLIEST_START;
            case "finish" -> Rank.EARLIEST_FINISH;
            case "cost" -> Rank.LOWEST_COST;
            case "energy" -> Rank.LOWEST_ENERGY;
            case "carbon" -> Rank.LOWEST_CARBON;
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "--rank takes start, finish, cost, energy or carbon, not " + rank);
        };
    }

    private static String progress(Outcome o) {
        String took = String.format(Locale.ROOT, "%.2f s", o.elapsed().toMillis() / 1000.0);
        if (o instanceof Outcome.Offers offers) {
            return o.broker() + ": " + offers.offerSet().offers().size() + " offers (" + took + ")";
        }
        if (o instanceof Outcome.No) {
            return o.broker() + ": NO (" + took + ")";
        }
        Outcome.Failed f = (Outcome.Failed) o;
        return o.broker() + ": " + OffersOutput.failed(f) + " (" + took + "): " + f.error().getMessage();
    }
}
