package io.orrery.workbench;

import io.orrery.workbench.export.PngFile;
import java.io.IOException;
import java.nio.file.Path;
import javafx.animation.PauseTransition;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;

/** A PNG of the window's scene, for the README and for checks ({@code orrery gui --screenshot}). */
public final class Screenshot {
    private Screenshot() {}

    /** After a pause (so that analysis and layout settle), writes the PNG, then runs then. */
    public static void after(Scene scene, Path out, long millis, Runnable then) {
        PauseTransition wait = new PauseTransition(javafx.util.Duration.millis(millis));
        wait.setOnFinished(e -> {
            try {
                write(scene.snapshot(null), out);
                System.err.println("orrery gui: wrote " + out);
            } catch (IOException ex) {
                System.err.println("orrery gui: cannot write " + out + ": " + ex.getMessage());
            }
            then.run();
        });
        wait.play();
    }

    static void write(WritableImage image, Path out) throws IOException {
        PngFile.write(PngFile.pixels(image), out);
    }
}
