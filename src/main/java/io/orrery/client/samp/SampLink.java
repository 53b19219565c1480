package io.orrery.client.samp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.astrogrid.samp.Client;
import org.astrogrid.samp.Message;
import org.astrogrid.samp.Metadata;
import org.astrogrid.samp.client.AbstractMessageHandler;
import org.astrogrid.samp.client.HubConnection;
import org.astrogrid.samp.client.HubConnector;
import org.astrogrid.samp.client.SampException;
import org.astrogrid.samp.httpd.HttpServer;
import org.astrogrid.samp.httpd.UtilServer;

/**
 * Orrery registered with a SAMP hub: {@link #connect} registers (within a time limit, so a hung hub holds no one),
 * {@link #sendTable} broadcasts a VOTable file ({@code table.load.votable}) to every client that takes tables, and
 * tables, images and spectra that another client sends to Orrery arrive as {@link Dataset}s. Calls block on the
 * network: make them off any user interface thread. The callbacks come on JSAMP's threads.
 */
public final class SampLink implements AutoCloseable {
    /** What other tools may send: tables, images and spectra, each a URL. */
    public static final List<String> RECEIVED = List.of("table.load.votable", "table.load.fits", "image.load.fits",
            "spectrum.load.ssa-generic");
    public static final String TABLE_MTYPE = "table.load.votable";
    /** JSAMP's loggers, held so that their quieter level is kept (it logs every lockfile it reads as INFO). */
    private static final Logger JSAMP_LOG = Logger.getLogger("org.astrogrid.samp");

    static {
        JSAMP_LOG.setLevel(Level.WARNING);
    }

    /** A dataset another tool sent: its URL, its name (or null), its MType and the name of the sender. */
    public record Dataset(String url, String name, String mtype, String sender) {
    }

    /** Why SAMP could not do something, in words for the user. */
    public static final class SampFailure extends Exception {
        public SampFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final HubLocation hub;
    private final Connector connector;
    private final Consumer<Boolean> onConnection;

    /**
     * A link to the hub at {@code hub}, not registered yet; {@code received} hears of datasets sent to Orrery,
     * {@code onConnection} of every registration and its end (the hub stopping too).
     */
    public SampLink(HubLocation hub, String version, Consumer<Dataset> received, Consumer<Boolean> onConnection) {
        this.hub = hub;
        this.onConnection = onConnection;
        LoopbackServer.install();
        connector = new Connector(new LockfileProfile(hub.lockfile()));
        Metadata meta = new Metadata();
        meta.setName("Orrery");
        meta.setDescriptionText("Plans compute runs across IVOA ExecutionBroker services; send it a table, image or"
                + " spectrum to add as input data of the open task");
        meta.put("orrery.version", version == null ? "development" : version);
        connector.declareMetadata(meta);
        connector.addMessageHandler(new AbstractMessageHandler(RECEIVED.toArray(String[]::new)) {
            @Override
            @SuppressWarnings("rawtypes")
            public Map processCall(HubConnection c, String senderId, Message msg) {
                Object url = msg.getRequiredParam("url");
                Object name = msg.getParam("name");
                received.accept(new Dataset(String.valueOf(url), name == null ? null : String.valueOf(name),
                        msg.getMType(), nameOf(senderId)));
                return null;
            }
        });
        connector.declareSubscriptions(connector.computeSubscriptions());
    }

    /**
     * Registers with the hub unless registered already; waits at most {@code limit}. Fails, saying why, when no hub
     * runs, it cannot be reached, or it does not answer in time.
     */
    public void connect(Duration limit) throws SampFailure {
        if (connector.isConnected()) {
            return;
        }
        CompletableFuture<HubConnection> registering = CompletableFuture.supplyAsync(() -> {
            try {
                return connector.getConnection();
            } catch (SampException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, r -> {
            Thread t = new Thread(r, "orrery-samp-register");
            t.setDaemon(true);
            t.start();
        });
        HubConnection connection;
        try {
            connection = registering.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            registering.thenAccept(c -> connector.leave());
            throw new SampFailure("The SAMP hub in " + hub.lockfile() + " did not answer within "
                    + limit.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            // a lockfile whose hub is gone: connection refused
            throw new SampFailure("Cannot register with the SAMP hub in " + hub.lockfile() + ": "
                    + reason(e.getCause()) + " (is its lockfile left over from a hub that stopped?)", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SampFailure("Stopped waiting for the SAMP hub", e);
        }
        if (connection == null) {
            throw new SampFailure("No SAMP hub is running (none in " + hub.lockfile() + "): start TOPCAT or Aladin,"
                    + " which start one, then try again" + (hub.note() == null ? "" : "; " + hub.note()), null);
        }
    }

    public boolean connected() {
        return connector.isConnected();
    }

    /**
     * Sends the VOTable file to every client that takes tables ({@code table.load.votable}) and gives the names of
     * those it went to (none when no such tool runs). Registers first when not registered.
     */
    public List<String> sendTable(Path votable, String tableId, String name, Duration limit) throws SampFailure {
        connect(limit);
        Message msg = new Message(TABLE_MTYPE);
        msg.addParam("url", votable.toAbsolutePath().toUri().toString());
        msg.addParam("table-id", tableId);
        msg.addParam("name", name);
        try {
            HubConnection c = connector.getConnection();
            if (c == null) {
                throw new SampFailure("The SAMP hub went away", null);
            }
            List<String> names = new ArrayList<>();
            for (Object id : c.notifyAll(msg)) {
                names.add(nameOf(String.valueOf(id)));
            }
            return names;
        } catch (SampException e) {
            throw new SampFailure("Cannot send the table through SAMP: " + reason(e), e);
        }
    }

    private String nameOf(String id) {
        Object c = connector.getClientMap().get(id);
        Metadata m = c instanceof Client client ? client.getMetadata() : null;
        return m == null || m.getName() == null ? id : m.getName();
    }

    /** Unregisters (the hub forgets Orrery); a later {@link #connect} registers again. */
    public void disconnect() {
        connector.leave();
    }

    @Override
    public void close() {
        connector.setActive(false);
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** JSAMP's connector, saying when the registration starts and ends. */
    private final class Connector extends HubConnector {
        Connector(LockfileProfile profile) {
            super(profile);
        }

        @Override
        protected void connectionChanged(boolean isConnected) {
            onConnection.accept(isConnected);
        }

        /** Unregisters, staying ready to register again. */
        void leave() {
            if (!isConnected()) {
                return;
            }
            try {
                HubConnection c = getConnection();
                disconnect();
                if (c != null) {
                    c.unregister();
                }
            } catch (SampException e) {
                JSAMP_LOG.log(Level.INFO, "the hub did not take the unregistration", e);
            }
        }
    }

    /**
     * JSAMP's callback server (one per process) on the loopback address only: JSAMP's own listens on every
     * interface, and nothing but the local hub has any business calling it.
     */
    static final class LoopbackServer {
        private static boolean installed;

        private LoopbackServer() {}

        static synchronized void install() {
            if (installed) {
                return;
            }
            try {
                HttpServer server = new HttpServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
                server.setDaemon(true);
                server.start();
                UtilServer.setInstance(new UtilServer(server));
                installed = true;
            } catch (IOException e) {
                JSAMP_LOG.log(Level.WARNING, "cannot open a loopback port for SAMP; JSAMP will choose", e);
            }
        }
    }
}
