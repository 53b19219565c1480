package io.orrery.cli;

import io.orrery.server.PasswordHash;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code orrery users add FILE NAME}: adds (or replaces) an account in a users file for {@code orrery serve --users}. */
@Command(name = "users", mixinStandardHelpOptions = true, subcommands = UsersCommand.Add.class,
        description = "Manage the HTTP Basic accounts of 'orrery serve --users FILE'.")
public final class UsersCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: add");
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Add NAME to FILE with a salted PBKDF2 hash of the password read from standard input",
                "(the first line); the password itself is never stored or printed."})
    static final class Add implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Parameters(index = "1", paramLabel = "NAME")
        String name;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (name.isBlank() || name.contains(":") || name.contains(" ")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "a name has no colon or space");
            }
            char[] password = readPassword();
            if (password.length < 8) {
                spec.commandLine().getErr().println("orrery users add: the password needs at least 8 characters");
                return 1;
            }
            String line = name + ":" + PasswordHash.hash(password);
            Arrays.fill(password, '\0');
            List<String> lines = new ArrayList<>();
            if (Files.exists(file)) {
                for (String l : Files.readAllLines(file)) {
                    if (!l.startsWith(name + ":")) {
                        lines.add(l);
                    }
                }
            }
            lines.add(line);
            Files.write(file, lines);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                spec.commandLine().getErr().println("orrery users add: cannot restrict the file's permissions here");
            }
            spec.commandLine().getOut().println("orrery users add: " + name + " is in " + file);
            return 0;
        }

        private static char[] readPassword() throws IOException {
            if (System.console() != null) {
                char[] p = System.console().readPassword("password: ");
                return p == null ? new char[0] : p;
            }
            String l = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return l == null ? new char[0] : l.toCharArray();
        }
    }
}
