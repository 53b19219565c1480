package io.orrery.workbench.monitor;

import io.orrery.client.Broker;
import io.orrery.client.BrokerError;
import io.orrery.client.OutputChunk;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The live log and the outputs of the session the monitor shows: its {@code stdout} and {@code stderr} read on
 * {@code io} from where they were read up to, on every {@link #poll} while they grow (polling stops once both are
 * complete, or when another session is shown); each kept to its last {@link LogTail#KEEP} characters; the outputs
 * it lists, each to save to a file (copied on {@code io}, with progress and errors in {@link #statusProperty}).
 * Everything but the copying and the reading happens on {@code ui}.
 */
public final class OutputsViewModel {
    private static final int READS_PER_POLL = 4;

    private final Executor ui;
    private final Executor io;
    private final BiFunction<String, String, Broker> brokers;
    private final Consumer<String> notify;
    private final LogTail stdout = new LogTail("stdout");
    private final LogTail stderr = new LogTail("stderr");
    private final ObservableList<Watched.Output> files = FXCollections.observableArrayList();
    private final SimpleBooleanProperty available = new SimpleBooleanProperty();
    private final SimpleStringProperty problem = new SimpleStringProperty("");
    private final SimpleStringProperty note = new SimpleStringProperty("");
    private final SimpleStringProperty status = new SimpleStringProperty("");
    private final ListChangeListener<Watched.Output> onListed = c -> listed();
    private Watched following;
    /** Goes up with each session followed, so that the answer of a read for an earlier one is dropped. */
    private int generation;
    private boolean reading;

    /**
     * @param brokers the broker a session belongs to, by the broker's name and the session's URL (called on io)
     * @param notify where a failed save is also said (the window's status line)
     */
    public OutputsViewModel(Executor ui, Executor io, BiFunction<String, String, Broker> brokers,
                            Consumer<String> notify) {
        this.ui = ui;
        this.io = io;
        this.brokers = brokers;
        this.notify = notify;
    }

    public LogTail stdout() {
        return stdout;
    }

    public LogTail stderr() {
        return stderr;
    }

    /** What the session lists to read and save (logs, exit code, files), with their sizes as last read. */
    public ObservableList<Watched.Output> files() {
        return files;
    }

    /** Whether the session shown lists outputs (it is really executed): the log pane shows only then. */
    public ReadOnlyBooleanProperty availableProperty() {
        return available;
    }

    /** Why the log could not be read the last time, or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    /** What the log pane leaves out (the beginning of a log longer than it keeps), or empty. */
    public ReadOnlyStringProperty noteProperty() {
        return note;
    }

    /** How the last save went: under way (with how much is copied), done, or why it failed. */
    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /** Shows that session's outputs from now on (null: none); the logs start over. */
    public void follow(Watched w) {
        if (following != null) {
            following.outputs().removeListener(onListed);
        }
        following = w;
        generation++;
        reading = false;
        problem.set("");
        stdout.reset(0);
        stderr.reset(0);
        if (w != null) {
            w.outputs().addListener(onListed);
        }
        listed();
    }

    private void listed() {
        List<Watched.Output> now = following == null ? List.of() : List.copyOf(following.outputs());
        if (!now.equals(files)) {
            files.setAll(now);
        }
        available.set(!now.isEmpty());
        for (LogTail t : List.of(stdout, stderr)) {
            // a log already longer than is kept is read from where its kept end begins
            output(t.name()).filter(o -> t.offset() == 0 && t.text().isEmpty() && o.size() > LogTail.KEEP)
                    .ifPresent(o -> t.reset(o.size() - LogTail.KEEP));
        }
        noteSkipped();
    }

    private Optional<Watched.Output> output(String name) {
        return files.stream().filter(o -> o.name().equals(name)).findFirst();
    }

    /** Whether a {@link #poll} would read: a session is shown and one of its listed logs may still grow. */
    public boolean polling() {
        return following != null && !due().isEmpty();
    }

    private List<LogTail> due() {
        return List.of(stdout, stderr).stream().filter(t -> !t.complete() && output(t.name()).isPresent()).toList();
    }

    /**
     * Reads what the logs have gained since the last read, on io, unless a read is still under way or nothing can
     * grow; completes once it is shown.
     */
    public CompletableFuture<Void> poll() {
        Watched w = following;
        List<LogTail> due = due();
        if (w == null || reading || due.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        reading = true;
        int gen = generation;
        List<Piece> from = due.stream().map(t -> new Piece(t, t.offset(), null)).toList();
        CompletableFuture<Read> read;
        try {
            read = CompletableFuture.supplyAsync(() -> read(w, from), io);
        } catch (RuntimeException e) {
            read = CompletableFuture.completedFuture(new Read(List.of(), "the window is closing"));
        }
        return read.thenAcceptAsync(r -> {
            if (gen != generation) {
                return; // another session is shown now
            }
            reading = false;
            r.pieces().forEach(p -> p.tail().add(p.at(), p.chunk().bytes(), p.chunk().growing()));
            problem.set(r.error() == null ? "" : "Cannot read the log: " + r.error());
            noteSkipped();
        }, ui);
    }

    private record Piece(LogTail tail, long at, OutputChunk chunk) {
    }

    private record Read(List<Piece> pieces, String error) {
    }

    /** On io: each log from its offset until a read brings nothing (or a few reads were made). */
    private Read read(Watched w, List<Piece> from) {
        List<Piece> got = new ArrayList<>();
        try {
            Broker b = brokers.apply(w.broker(), w.url());
            for (Piece p : from) {
                long at = p.at();
                for (int i = 0; i < READS_PER_POLL; i++) {
                    OutputChunk c = b.readOutput(w.url(), p.tail().name(), at);
                    got.add(new Piece(p.tail(), at, c));
                    at = c.next();
                    if (c.bytes().length == 0) {
                        break;
                    }
                }
            }
            return new Read(got, null);
        } catch (BrokerError e) {
            return new Read(got, e.getMessage());
        } catch (RuntimeException e) {
            return new Read(got, "the broker failed: " + BrokerError.plain(e));
        }
    }

    private void noteSkipped() {
        List<String> cut = List.of(stdout, stderr).stream().filter(t -> t.skipped() > 0).map(LogTail::name).toList();
        note.set(cut.isEmpty() ? "" : "Showing only the last " + size(LogTail.KEEP) + " of " + String.join(" and ", cut)
                + "; save it below for all of it");
    }

    /**
     * Copies one output of the session shown to a file, on io: into a temporary file beside it, renamed over the
     * target once complete, so that a failed copy leaves no half file under the name chosen. Completes on ui once
     * the status says how it went (exceptionally, with the reason, when it failed).
     */
    public CompletableFuture<Void> save(String name, Path target) {
        Watched w = following;
        if (w == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no session is shown"));
        }
        status.set("Saving " + name + " to " + target + "\u2026");
        CompletableFuture<Long> copy;
        try {
            copy = CompletableFuture.supplyAsync(() -> copy(w, name, target), io);
        } catch (RuntimeException e) {
            copy = CompletableFuture.failedFuture(e);
        }
        return copy.handleAsync((bytes, e) -> {
            if (e != null) {
                Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                        ? e.getCause() : e;
                String said = "Cannot save " + name + " to " + target + ": " + BrokerError.plain(cause);
                status.set(said);
                notify.accept(said);
                throw new java.util.concurrent.CompletionException(cause);
            }
            status.set("Saved " + name + " (" + size(bytes) + ") to " + target);
            return null;
        }, ui);
    }

    private long copy(Watched w, String name, Path target) {
        Path file = target.toAbsolutePath();
        Path part = null;
        try {
            part = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".part");
            long at = 0;
            Broker b = brokers.apply(w.broker(), w.url());
            try (OutputStream out = Files.newOutputStream(part)) {
                while (true) {
                    OutputChunk c = b.readOutput(w.url(), name, at);
                    if (c.bytes().length == 0) {
                        break;
                    }
                    out.write(c.bytes());
                    at = c.next();
                    long copied = at;
                    ui.execute(() -> status.set("Saving " + name + ": " + size(copied) + " copied\u2026"));
                }
            }
            move(part, file);
            part = null;
            return at;
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UncheckedIOException("no such folder: " + file.getParent(), e);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new UncheckedIOException("not allowed to write " + e.getFile(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(BrokerError.plain(e), e);
        } finally {
            if (part != null) {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException ignored) {
                    // the failure itself is what is reported
                }
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** 12 B, 3.4 KiB, 1.0 MiB. */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double kib = bytes / 1024.0;
        return kib < 1024 ? String.format(Locale.ROOT, "%.1f KiB", kib)
                : String.format(Locale.ROOT, "%.1f MiB", kib / 1024);
    }
}
