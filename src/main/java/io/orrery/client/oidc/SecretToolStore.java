package io.orrery.client.oidc;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The desktop's secret service (GNOME Keyring, KWallet...) through libsecret's {@code secret-tool}: each broker's
 * tokens are one secret with the attributes {@code application=orrery}, {@code config=DIR} and {@code broker=NAME}.
 * The secret goes to secret-tool on its standard input, never on a command line.
 */
final class SecretToolStore implements TokenStore {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private final String directory;

    private SecretToolStore(String directory) {
        this.directory = directory;
    }

    /**
     * The secret service, if secret-tool is on the PATH, a session bus is there and the service keeps a probe secret
     * (asked once per directory and run).
     */
    static Optional<TokenStore> available(Path directory) {
        String path = System.getenv("PATH");
        if (System.getenv("DBUS_SESSION_BUS_ADDRESS") == null || path == null
                || java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                .noneMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, "secret-tool")))) {
            return Optional.empty();
        }
        SecretToolStore s = new SecretToolStore(directory.toAbsolutePath().toString());
        Result probe = s.run(List.of("store", "--label=Orrery (probe)", "application", "orrery", "probe",
                s.directory), "probe");
        if (probe == null || probe.code != 0) {
            return Optional.empty();
        }
        s.run(List.of("clear", "application", "orrery", "probe", s.directory), null);
        return Optional.of(s);
    }

    private record Result(int code, String out) {}

    @Override
    public Optional<TokenSet> load(String broker) {
        Result r = run(attributes("lookup", broker), null);
        if (r == null || r.code != 0 || r.out.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(TokenStore.tokens(JSON.readTree(r.out)));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    @Override
    public void save(String broker, TokenSet tokens) {
        List<String> args = new ArrayList<>(List.of("store", "--label=Orrery: " + broker));
        args.addAll(attributes(null, broker));
        Result r = run(args, JSON.writeValueAsString(TokenStore.json(tokens)));
        if (r == null || r.code != 0) {
            throw new OidcException("the secret service did not keep the tokens of " + broker, false);
        }
    }

    @Override
    public boolean remove(String broker) {
        boolean had = load(broker).isPresent();
        run(attributes("clear", broker), null);
        return had;
    }

    @Override
    public String where() {
        return "the desktop's secret service";
    }

    private List<String> attributes(String verb, String broker) {
        List<String> a = new ArrayList<>();
        if (verb != null) {
            a.add(verb);
        }
        a.addAll(List.of("application", "orrery", "config", directory, "broker", broker));
        return a;
    }

    private Result run(List<String> args, String input) {
        List<String> command = new ArrayList<>();
        command.add("secret-tool");
        command.addAll(args);
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (OutputStream in = p.getOutputStream()) {
                if (input != null) {
                    in.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
