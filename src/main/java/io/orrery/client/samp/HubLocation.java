package io.orrery.client.samp;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a SAMP hub of the Standard Profile says it runs: its lockfile, named by {@code SAMP_HUB=std-lockurl:URL}
 * or else {@code .samp} in the home directory (as every SAMP tool looks). {@code note} says why another
 * {@code SAMP_HUB} was passed over, or is null.
 */
public record HubLocation(URL lockfile, String note) {
    static final String HUB_VARIABLE = "SAMP_HUB";
    static final String STANDARD_PREFIX = "std-lockurl:";

    /** The hub this environment and home directory name. */
    public static HubLocation of(Map<String, String> environment, Path home) {
        String hub = environment.get(HUB_VARIABLE);
        URL standard = file(home.resolve(".samp"));
        if (hub == null || hub.isBlank()) {
            return new HubLocation(standard, null);
        }
        if (hub.startsWith(STANDARD_PREFIX)) {
            try {
                return new HubLocation(URI.create(hub.substring(STANDARD_PREFIX.length())).toURL(), null);
            } catch (IllegalArgumentException | MalformedURLException e) {
                return new HubLocation(standard, HUB_VARIABLE + "=" + hub + " is not a URL; looked in " + home.resolve(".samp"));
            }
        }
        return new HubLocation(standard, HUB_VARIABLE + "=" + hub + " is not a Standard Profile hub; looked in "
                + home.resolve(".samp"));
    }

    /** This process's: its environment and the user's home. */
    public static HubLocation standard() {
        return of(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** A lockfile at this path (tests, or a hub started for one run). */
    public static HubLocation at(Path lockfile) {
        return new HubLocation(file(lockfile), null);
    }

    private static URL file(Path p) {
        try {
            return p.toAbsolutePath().toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
