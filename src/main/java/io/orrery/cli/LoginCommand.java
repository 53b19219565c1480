package io.orrery.cli;

import io.orrery.client.BrokerConfig;
import io.orrery.client.oidc.Browser;
import io.orrery.client.oidc.DeviceFlow;
import io.orrery.client.oidc.LoopbackFlow;
import io.orrery.client.oidc.OidcException;
import io.orrery.client.oidc.OidcSession;
import io.orrery.client.oidc.TokenSet;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code orrery login NAME} and {@code orrery logout NAME}: signing in to a broker whose entry names an issuer. */
final class LoginCommand {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private LoginCommand() {}

    /** The OIDC session of a registered broker, or a usage error saying what is missing. */
    static OidcSession session(CommandLine cl, String name) {
        BrokerConfig b = ClientSupport.registry().named(name).orElseThrow(() -> new CommandLine.ParameterException(cl,
                "no broker named " + name + " (see 'orrery brokers list')"));
        if (b.oidc() == null || !(b.credentials().source() instanceof OidcSession s)) {
            throw new CommandLine.ParameterException(cl, name + " names no OpenID issuer: add one with 'orrery brokers"
                    + " add " + name + " " + b.url() + " --oidc-issuer URL --client-id ID'");
        }
        return s;
    }

    /** "as SUB until HH:MM", in the local time zone. */
    static String who(TokenSet t) {
        return "as " + (t.subject() == null ? "an unnamed user" : t.subject())
                + (t.until() == null ? "" : " until " + HH_MM.format(t.until().atZone(ZoneId.systemDefault())));
    }

    @Command(name = "login", mixinStandardHelpOptions = true,
            description = {"Sign in to a broker whose entry names an OpenID issuer.",
                "By default with a code to enter on any device (the device authorization grant; works in a terminal",
                "and on a remote machine); --browser signs in through this machine's browser instead."})
    static final class Login implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "a broker named with 'orrery brokers add ... --oidc-issuer'")
        String name;

        @Option(names = "--browser", description = "sign in in this machine's browser (authorization code with PKCE"
                + " on a loopback redirect)")
        boolean browser;

        @Option(names = "--no-open", description = "with --browser: print the address instead of opening a browser")
        boolean noOpen;

        @Option(names = "--wait", defaultValue = "PT10M", description = "how long to wait for the browser (default"
                + " 10 min; the device code's own expiry applies otherwise)")
        Duration wait;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            OidcSession session = session(spec.commandLine(), name);
            try {
                TokenSet signIn = browser ? inBrowser(session, out) : withCode(session, out);
                TokenSet kept = session.signedIn(signIn);
                out.println("Signed in to " + name + " " + who(kept) + " (tokens kept in " + session.storedIn() + ")");
                out.flush();
                return 0;
            } catch (OidcException e) {
                spec.commandLine().getErr().println("orrery login: " + e.getMessage());
                return 1;
            }
        }

        private TokenSet withCode(OidcSession session, PrintWriter out) {
            DeviceFlow flow = DeviceFlow.start(session.client());
            DeviceFlow.Prompt p = flow.prompt();
            out.println("To sign in to " + name + ", open " + p.verificationUri() + " and enter the code "
                    + p.userCode());
            if (p.verificationUriComplete() != null) {
                out.println("(or open " + p.verificationUriComplete() + ")");
            }
            out.println("Waiting (the code expires in " + p.expiresIn().toMinutes() + " min)...");
            out.flush();
            return flow.await();
        }

        private TokenSet inBrowser(OidcSession session, PrintWriter out) {
            LoopbackFlow flow = LoopbackFlow.start(session.client());
            if (!noOpen && Browser.open(flow.url())) {
                out.println("Opened your browser to sign in to " + name + "; if it did not appear, open " + flow.url());
            } else {
                out.println("Open this address in a browser to sign in to " + name + ": " + flow.url());
            }
            out.println("Waiting for the browser...");
            out.flush();
            return flow.await(wait);
        }
    }

    @Command(name = "logout", mixinStandardHelpOptions = true, description = "Forget the tokens of a broker's sign-in.")
    static final class Logout implements Callable<Integer> {
        @Parameters(paramLabel = "NAME")
        String name;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            OidcSession session = session(spec.commandLine(), name);
            spec.commandLine().getOut().println(session.signOut() ? "Signed out of " + name
                    : "Not signed in to " + name);
            return 0;
        }
    }
}
