package io.orrery.client.samp;

import java.io.IOException;
import java.net.URL;
import org.astrogrid.samp.xmlrpc.LockInfo;
import org.astrogrid.samp.xmlrpc.StandardClientProfile;
import org.astrogrid.samp.xmlrpc.XmlRpcKit;

/**
 * JSAMP's Standard Profile with the lockfile given, not looked up once per process (JSAMP caches it from the
 * environment): every link reads its own {@link HubLocation}.
 */
final class LockfileProfile extends StandardClientProfile {
    private final URL lockfile;

    LockfileProfile(URL lockfile) {
        super(XmlRpcKit.INTERNAL);
        this.lockfile = lockfile;
    }

    @Override
    public LockInfo getLockInfo() throws IOException {
        return LockInfo.readLockFile(lockfile);
    }
}
