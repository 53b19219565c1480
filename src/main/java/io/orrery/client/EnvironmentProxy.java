package io.orrery.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;

/**
 * Proxies from the usual settings: Java's own properties (http.proxyHost, https.proxyHost) when set, else the
 * HTTPS_PROXY / HTTP_PROXY / NO_PROXY environment variables; loopback is never proxied.
 */
final class EnvironmentProxy {
    private EnvironmentProxy() {}

    static ProxySelector selector() {
        if (System.getProperty("http.proxyHost") != null || System.getProperty("https.proxyHost") != null) {
            return ProxySelector.getDefault();
        }
        String https = env("HTTPS_PROXY");
        String http = env("HTTP_PROXY");
        if (https == null && http == null) {
            return ProxySelector.getDefault();
        }
        String noProxy = env("NO_PROXY") == null ? "" : env("NO_PROXY");
        return new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                String host = uri.getHost() == null ? "" : uri.getHost();
                if (host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || excluded(host, noProxy)) {
                    return List.of(Proxy.NO_PROXY);
                }
                String p = "https".equals(uri.getScheme()) && https != null ? https : http != null ? http : https;
                URI proxy = URI.create(p.contains("://") ? p : "http://" + p);
                return List.of(new Proxy(Proxy.Type.HTTP, new InetSocketAddress(proxy.getHost(),
                        proxy.getPort() < 0 ? 80 : proxy.getPort())));
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
                // OkHttp reports the failure itself
            }
        };
    }

    private static boolean excluded(String host, String noProxy) {
        for (String n : noProxy.split(",")) {
            String s = n.trim();
            if (!s.isEmpty() && (host.equals(s) || host.endsWith(s.startsWith(".") ? s : "." + s))) {
                return true;
            }
        }
        return false;
    }

    private static String env(String name) {
        String v = System.getenv(name);
        return v != null ? v : System.getenv(name.toLowerCase(java.util.Locale.ROOT));
    }
}
