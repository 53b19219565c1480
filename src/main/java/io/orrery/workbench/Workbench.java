package io.orrery.workbench;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.orrery.client.LocalBroker;
import io.orrery.workbench.brokers.BrokersController;
import io.orrery.workbench.editor.ShowAs;
import io.orrery.workbench.editor.EditorController;
import io.orrery.workbench.event.EventBus;
import io.orrery.workbench.event.OfferAccepted;
import io.orrery.workbench.event.Tick;
import io.orrery.workbench.feature.Controller;
import io.orrery.workbench.feature.Snapshotable;
import io.orrery.workbench.export.ExportController;
import io.orrery.workbench.export.ExportMenu;
import io.orrery.workbench.export.OffersSnapshot;
import io.orrery.workbench.feature.DaemonThreads;
import io.orrery.workbench.help.FirstRunHint;
import io.orrery.workbench.help.HelpMenu;
import io.orrery.workbench.library.LibraryController;
import io.orrery.workbench.library.Recovery;
import io.orrery.workbench.library.Settings;
import io.orrery.workbench.library.TaskLibrary;
import io.orrery.workbench.monitor.MonitorController;
import io.orrery.workbench.offers.OffersController;
import io.orrery.workbench.samp.SampController;
import io.orrery.workbench.whatif.WhatIfController;
import io.orrery.workbench.clock.OfflineClockController;
import io.orrery.workbench.tradeoff.TradeoffController;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.input.TransferMode;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The window: a shell that makes the features' controllers (library, editor, brokers, offers, monitor, what-if),
 * lays out their views and activates them, and keeps what belongs to the window itself: the menus, the theme, the
 * status line, the title, dropped files, the one-second {@link Tick}, and closing. The features talk through its
 * {@link EventBus}, never to one another.
 */
public final class Workbench {
    private final Stage stage;
    private final Settings settings;
    private final MainViewModel main = new MainViewModel();
    private final EventBus bus = EventBus.onFxThread();
    private final ExecutorService files = Executors.newSingleThreadExecutor(DaemonThreads.named("orrery-work"));
    private final ExecutorService io = Executors.newCachedThreadPool(DaemonThreads.named("orrery-brokers"));
    private final LibraryController library;
    private final EditorController editor;
    private final BrokersController brokers;
    private final OffersController offers;
    private final MonitorController monitor;
    private final WhatIfController whatIf;
    private final ExportController export;
    private final SampController samp;
    private final TradeoffController tradeoff;
    private final OfflineClockController clock;
    private final List<Controller> features;
    private final WindowLayout layout;
    private final Scene scene;
    private final Timeline tick;
    private final FirstRunHint hint;
    private AutoCloseable releaseOnClose;
    private Runnable exit = Platform::exit;
    private boolean closed;
    /** The task file the editor showed last, to bring the folded editor back when another is opened. */
    private Path shownFile;

    public Workbench(Stage stage, Path configDir) {
        this(stage, configDir, LocalBroker.Opener.SIMULATED);
    }

    /** A window whose built-in brokers {@code builtIns} opens (the seam for platforms that run work for real). */
    public Workbench(Stage stage, Path configDir, LocalBroker.Opener builtIns) {
        this.stage = stage;
        this.settings = new Settings(configDir);
        WindowStatus status = new WindowStatus(main, stage);
        library = new LibraryController(TaskLibrary.standard(configDir), files, bus);
        editor = new EditorController(library.library(), new Recovery(configDir), settings, files, bus, status);
        brokers = new BrokersController(configDir, settings, io, bus, status, builtIns);
        offers = new OffersController(brokers.model(), io, bus, status);
        monitor = new MonitorController(configDir, brokers.model(), io, bus, status);
        whatIf = new WhatIfController(io, bus, status);
        export = new ExportController(() -> OffersSnapshot.of(offers.model()), files, status, () -> stage);
        samp = new SampController(() -> OffersSnapshot.of(offers.model()), bus, status);
        tradeoff = new TradeoffController(bus);
        clock = new OfflineClockController(brokers.model(), settings, io, bus, status);
        offers.view().addBeside(tradeoff.view().root());
        export.register(Snapshotable.of(offers.view().timeline().snapshotNode(), "timeline"));
        export.register(Snapshotable.of(tradeoff.view().snapshotNode(), "trade-off plot"));
        export.register(Snapshotable.of(monitor.monitorView().timeline().snapshotNode(), "sessions timeline"));
        features = List.of(library, editor, brokers, offers, monitor, whatIf, tradeoff, clock, export, samp);
        layout = new WindowLayout(new WindowLayout.Views(library.view(), brokers.view(), editor.editorView().root(),
                editor.formView(), offers.view().root(), monitor.view(), whatIf.view()), settings);
        MainView view = new MainView(main, new MainView.Actions(editor::newTask, editor::chooseAndOpen, editor::save,
                editor::saveAs, this::toggleTheme, this::quit,
                () -> editor.showAs(ShowAs.of(brokers.model().checked())), editor::find, editor.recentMenu(),
                editor::duplicate, offers::ask, () -> offers.accept(offers.model().selectedProperty().get())),
                layout.root());
        view.addMenu(ExportMenu.create(export, samp));
        hint = new FirstRunHint(settings, view.menuBar().getMenus(), view::banner, () -> view.banner(null));
        HelpMenu.install(view.menuBar(), hint::show);
        view.addToStatusBar(clock.view());
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        scene = new Scene(view.root(), Math.min(screen.getWidth(), settings.number("window.width", 1360)),
                Math.min(screen.getHeight(), settings.number("window.height", 900)));
        scene.getStylesheets().add(Workbench.class.getResource("workbench.css").toExternalForm());
        acceptDroppedFiles();
        main.titleProperty().bind(Bindings.createStringBinding(this::title, editor.model().fileProperty(),
                editor.model().dirtyProperty()));
        applyTheme(settings.text("theme", "light"));
        stage.setScene(scene);
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            var icon = Workbench.class.getResource("/io/orrery/icons/orrery-" + size + ".png");
            if (icon != null) {
                stage.getIcons().add(new javafx.scene.image.Image(icon.toExternalForm()));
            }
        }
        stage.titleProperty().bind(main.titleProperty());
        stage.setOnCloseRequest(e -> {
            e.consume(); // closed by quit, once unsaved changes are settled (or not at all: Cancel)
            quit();
        });
        bus.subscribe(OfferAccepted.class, a -> layout.showMonitor());
        offers.model().pendingProperty().addListener((o, was, now) -> {
            if (was.intValue() == 0 && now.intValue() > 0) {
                layout.roomForAnswers(scene.getHeight());
            }
        });
        bus.subscribe(io.orrery.workbench.event.TaskChanged.class, t -> {
            if (t.file() != null && !t.file().equals(shownFile)) {
                shownFile = t.file();
                layout.showEditor();
            }
        });
        features.forEach(Controller::activate);
        tick = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> bus.publish(new Tick(Instant.now()))));
        tick.setCycleCount(Animation.INDEFINITE);
        tick.play();
    }

    private void acceptDroppedFiles() {
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
        });
        scene.setOnDragDropped(e -> {
            List<java.io.File> dropped = e.getDragboard().getFiles();
            if (!dropped.isEmpty()) {
                editor.open(dropped.get(0).toPath());
            }
            e.setDropCompleted(!dropped.isEmpty());
        });
    }

    /** Something to let go when the window closes, after everything else (the configuration directory's lock). */
    public void releaseOnClose(AutoCloseable held) {
        this.releaseOnClose = held;
    }

    /** Says something in the status line (on the JavaFX thread). */
    public void say(String message) {
        main.say(message);
    }

    public Scene scene() {
        return scene;
    }

    public LibraryController library() {
        return library;
    }

    public EditorController editor() {
        return editor;
    }

    public BrokersController brokers() {
        return brokers;
    }

    public OffersController offers() {
        return offers;
    }

    public MonitorController monitor() {
        return monitor;
    }

    public WhatIfController whatIf() {
        return whatIf;
    }

    /** Export: the comparison as files, views as PNG (register more with {@link ExportController#register}). */
    public ExportController export() {
        return export;
    }

    public SampController samp() {
        return samp;
    }

    public TradeoffController tradeoff() {
        return tradeoff;
    }

    /** The built-in brokers' clock control (and the zone times are shown in). */
    public OfflineClockController clock() {
        return clock;
    }

    /** Folds the library, editor and form away to give the plan tabs the window, or brings them back. */
    public void toggleEditor() {
        layout.toggleEditor();
    }

    /** The tabs under the editor: offers, monitor, what-if. */
    public TabPane planTabs() {
        return layout.tabs();
    }

    /** Shows the window, then offers back a buffer a crash left, or opens the given file, or a new task. */
    public void show(Path open) {
        show(open, false);
    }

    /**
     * As {@link #show(Path)}; a demonstration skips the recovery question (it keeps the copy for next time) and the
     * first-run hint.
     */
    public void show(Path open, boolean demo) {
        stage.show();
        editor.start(open, demo);
        if (!demo) {
            hint.showOnFirstRun();
        }
    }

    /** Opens a file in the editor (off the JavaFX thread). */
    public void open(Path file) {
        editor.open(file);
    }

    private String title() {
        Path f = editor.model().fileProperty().get();
        return (editor.model().dirtyProperty().get() ? "* " : "") + (f == null ? "untitled" : f.getFileName())
                + " - Orrery";
    }

    private void toggleTheme() {
        applyTheme(settings.text("theme", "light").equals("light") ? "dark" : "light");
    }

    private void applyTheme(String theme) {
        settings.put("theme", theme);
        Application.setUserAgentStylesheet(theme.equals("dark") ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    /**
     * Quits (Ctrl+Q, or the window's close button): once unsaved changes are saved or discarded through the
     * editor's question, closes ({@link #close}) and ends the application; Cancel leaves the window as it was.
     */
    public void quit() {
        editor.whenSaved("quitting", () -> {
            close();
            exit.run();
        });
    }

    /** What ends the application after a quit (JavaFX's exit; a test keeps the toolkit running). */
    public void exitWith(Runnable exit) {
        this.exit = exit;
    }

    /**
     * Remembers the layout, the checks and the offline clock, deactivates the features, forgets the recovery copy
     * (a normal close: the next start reports no crash), and stops the background work; the configuration directory
     * is let go once the built-in brokers are closed. Closing again does nothing.
     */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        settings.put("window.width", scene.getWidth());
        settings.put("window.height", scene.getHeight());
        layout.remember(settings);
        brokers.remember();
        tick.stop();
        for (int i = features.size() - 1; i >= 0; i--) {
            features.get(i).deactivate();
        }
        CompletableFuture<Void> brokersClosed = closeBrokers();
        try {
            settings.save();
        } catch (IOException e) {
            main.say("Cannot save the settings: " + e.getMessage());
        }
        editor.close();
        files.shutdown();
        AutoCloseable held = releaseOnClose;
        if (held != null) {
            // only once the built-in brokers' databases are closed may another window open them
            brokersClosed.whenComplete((v, e) -> {
                try {
                    held.close();
                } catch (Exception x) {
                    System.err.println("orrery: cannot let the configuration directory go: " + MainViewModel.reason(x));
                }
            });
        }
    }

    /**
     * Stops the broker threads, lets queued saves finish (up to two seconds) off the JavaFX thread, then closes the
     * built-in brokers' stores; completes once they are closed. Not a daemon, so the process waits for it.
     */
    private CompletableFuture<Void> closeBrokers() {
        io.shutdown();
        CompletableFuture<Void> closed = new CompletableFuture<>();
        Thread closing = new Thread(() -> {
            try {
                io.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                brokers.model().close();
            } finally {
                closed.complete(null);
            }
        }, "orrery-closing");
        closing.start();
        return closed;
    }
}
