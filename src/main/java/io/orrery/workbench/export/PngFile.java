package io.orrery.workbench.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javax.imageio.ImageIO;

/**
 * Pictures as PNG files, without javafx-swing: the pixels are copied out of a snapshot on the JavaFX thread
 * ({@link #snapshot}, {@link #pixels}), then encoded and written by ImageIO on any other ({@link #write}).
 */
public final class PngFile {
    private PngFile() {}

    /** The pixels of a picture, ARGB, row by row. */
    public record Pixels(int width, int height, int[] argb) {
    }

    /**
     * A picture of the node as it is drawn now, on the background it is shown on (dark in the dark theme), where it
     * draws none itself. On the JavaFX thread.
     */
    public static Pixels snapshot(Node node) {
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(background(node));
        return pixels(node.snapshot(params, null));
    }

    /** The first background fill of the node or of the nearest of its parents that has one; white without one. */
    static Paint background(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (at instanceof Region r && r.getBackground() != null && !r.getBackground().getFills().isEmpty()) {
                return r.getBackground().getFills().get(0).getFill();
            }
        }
        return Color.WHITE;
    }

    /** The image's pixels, copied (so that they may leave the JavaFX thread). */
    public static Pixels pixels(WritableImage image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return new Pixels(w, h, argb);
    }

    /** Encodes the pixels as PNG into the file (its folders made). On any thread. */
    public static void write(Pixels p, Path out) throws IOException {
        BufferedImage png = new BufferedImage(p.width(), p.height(), BufferedImage.TYPE_INT_ARGB);
        png.setRGB(0, 0, p.width(), p.height(), p.argb(), 0, p.width());
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(png, "png", out.toFile())) {
            throw new IOException("no PNG writer in this Java");
        }
    }
}
