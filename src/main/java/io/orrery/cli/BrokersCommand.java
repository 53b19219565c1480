package io.orrery.cli;

import io.orrery.client.BrokerConfig;
import io.orrery.client.BrokerRegistry;
import io.orrery.client.Credentials;
import io.orrery.client.Protocol;
import io.orrery.client.oidc.OidcSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code orrery brokers add|list|remove}: the brokers a user names, with credentials kept private. */
@Command(name = "brokers", mixinStandardHelpOptions = true,
        subcommands = {BrokersCommand.Add.class, BrokersCommand.ListBrokers.class, BrokersCommand.Remove.class},
        description = "Name brokers, with their credentials and timeouts (kept in brokers.yaml, readable by you only).")
public final class BrokersCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: add, list or remove");
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Add (or replace) a broker. A password or token is read from standard input (first line),",
                "never from the command line, where other users could see it."})
    static final class Add implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "URL", description = "http(s)://host:port, or builtin:PLATFORM")
        String url;

        @Option(names = "--user", description = "HTTP Basic user; the password comes from standard input")
        String user;

        @Option(names = "--token", description = "read a bearer token from standard input")
        boolean token;

        @Option(names = "--protocol", paramLabel = "PROTOCOL", defaultValue = "execution-broker",
                description = "what the broker speaks: execution-broker (its generation detected on contact),"
                        + " canidothis (2021) or srcnet-compute (2024)")
        String protocol;

        @Option(names = "--oidc-issuer", paramLabel = "URL", description = "the OpenID provider its users sign in at"
                + " ('orrery login NAME' then signs in)")
        String issuer;

        @Option(names = "--client-id", paramLabel = "ID", description = "this program's client id at the issuer")
        String clientId;

        @Option(names = "--scope", paramLabel = "SCOPES", description = "the scopes to ask for (default: "
                + OidcSettings.DEFAULT_SCOPE + ")")
        String scope;

        @Option(names = "--audience", paramLabel = "AUDIENCE", description = "the broker's audience at the issuer"
                + " (a resource indicator, or a token exchange where the issuer offers it)")
        String audience;

        @Option(names = "--connect-timeout", defaultValue = "PT5S")
        Duration connect;

        @Option(names = "--read-timeout", defaultValue = "PT30S")
        Duration read;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (!url.matches("https?://.+|builtin:.+")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "the URL must be http(s)://... or builtin:NAME");
            }
            Protocol p;
            try {
                p = Protocol.parse(protocol);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            if (p != Protocol.EXECUTION_BROKER && url.startsWith("builtin:")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "a built-in broker speaks execution-broker");
            }
            OidcSettings oidc = null;
            if (issuer != null || clientId != null || scope != null || audience != null) {
                if (user != null || token) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "a broker takes either an OpenID issuer or a user or token, not both");
                }
                try {
                    oidc = new OidcSettings(issuer, clientId, scope, audience);
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage()
                            + " (--oidc-issuer URL --client-id ID)");
                }
            }
            Credentials c = Credentials.NONE;
            if (user != null || token) {
                String secret = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (secret == null || secret.isBlank()) {
                    spec.commandLine().getErr().println("orrery brokers add: no password or token on standard input");
                    return 1;
                }
                c = token ? Credentials.bearer(secret.strip()) : Credentials.basic(user, secret.strip());
            }
            BrokerRegistry r = ClientSupport.registry();
            BrokerConfig added = new BrokerConfig(name, url, p, c, connect, read, oidc);
            r.put(added);
            r.save();
            spec.commandLine().getOut().println("orrery brokers: " + name + " -> " + url + " (" + p.id() + ", credentials: "
                    + r.named(name).orElse(added).credentials() + ")"
                    + (oidc == null ? "" : "; sign in with 'orrery login " + name + "'"));
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the named brokers (secrets hidden).")
    static final class ListBrokers implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            for (BrokerConfig b : ClientSupport.registry().all()) {
                spec.commandLine().getOut().printf("%-16s %-40s %-16s %s%n", b.name(), b.url(), b.protocol().id(),
                        b.credentials());
            }
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Forget a named broker.")
    static final class Remove implements Callable<Integer> {
        @Parameters(paramLabel = "NAME")
        String name;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            BrokerRegistry r = ClientSupport.registry();
            if (!r.remove(name)) {
                spec.commandLine().getErr().println("orrery brokers remove: no broker named " + name);
                return 1;
            }
            r.save();
            return 0;
        }
    }
}
