package io.orrery.client.oidc;

import java.awt.Desktop;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Opens an address in the user's browser where this machine has one: xdg-open, else java.awt.Desktop. */
public final class Browser {
    private Browser() {}

    /**
     * True when a browser was asked to open the address; false when none can be (print or show it instead), or when
     * the system property {@code orrery.browser} is {@code none} (tests, and machines where no browser should open).
     */
    public static boolean open(URI uri) {
        if ("none".equals(System.getProperty("orrery.browser"))) {
            return false;
        }
        String path = System.getenv("PATH");
        if (System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null) {
            if (path != null && Arrays.stream(path.split(File.pathSeparator))
                    .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, "xdg-open")))) {
                try {
                    new ProcessBuilder("xdg-open", uri.toString()).redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                    return true;
                } catch (IOException e) {
                    // fall through to the desktop's own way
                }
            }
        }
        try {
            if (!java.awt.GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                    && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(uri);
                return true;
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
        return false;
    }
}
