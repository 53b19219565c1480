package io.orrery.client.samp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.astrogrid.samp.Message;
import org.astrogrid.samp.Metadata;
import org.astrogrid.samp.client.AbstractMessageHandler;
import org.astrogrid.samp.client.HubConnection;
import org.astrogrid.samp.client.HubConnector;
import org.astrogrid.samp.hub.Hub;
import org.astrogrid.samp.hub.HubProfile;
import org.astrogrid.samp.hub.HubServiceMode;
import org.astrogrid.samp.xmlrpc.StandardHubProfile;
import org.astrogrid.samp.xmlrpc.XmlRpcKit;

/**
 * For tests: JSAMP's own hub, in this process, on the loopback address, its lockfile in a temporary folder (never
 * the user's ~/.samp), and a second JSAMP client standing in for TOPCAT: it takes tables and can send one.
 */
public final class SampHubFixture implements AutoCloseable {
    private final Path lockfile;
    private final Hub hub;

    private SampHubFixture(Path lockfile, Hub hub) {
        this.lockfile = lockfile;
        this.hub = hub;
    }

    /** A hub writing its lockfile at dir/.samp. */
    public static SampHubFixture start(Path dir) throws IOException {
        SampLink.LoopbackServer.install();
        Path lock = dir.resolve(".samp");
        HubProfile standard = new StandardHubProfile(XmlRpcKit.INTERNAL.getClientFactory(),
                XmlRpcKit.INTERNAL.getServerFactory(), lock.toFile(), StandardHubProfile.createSecret());
        return new SampHubFixture(lock, Hub.runHub(HubServiceMode.NO_GUI, new HubProfile[] {standard},
                new HubProfile[0]));
    }

    public HubLocation location() {
        return HubLocation.at(lockfile);
    }

    public Path lockfile() {
        return lockfile;
    }

    /** A client named "TOPCAT (test)" that completes {@code tables} with the first table message it receives. */
    public HubConnector topcat(CompletableFuture<Message> tables) {
        HubConnector c = new HubConnector(new LockfileProfile(location().lockfile()));
        Metadata meta = new Metadata();
        meta.setName("TOPCAT (test)");
        c.declareMetadata(meta);
        c.addMessageHandler(new AbstractMessageHandler(SampLink.TABLE_MTYPE) {
            @Override
            @SuppressWarnings("rawtypes")
            public Map processCall(HubConnection connection, String senderId, Message msg) {
                tables.complete(msg);
                return null;
            }
        });
        c.declareSubscriptions(c.computeSubscriptions());
        c.setActive(true);
        return c;
    }

    @Override
    public void close() {
        hub.shutdown();
    }
}
