package io.orrery.workbench.timeline;

import javafx.scene.paint.Color;

/**
 * The colours a canvas chart draws with, light or dark to match the theme around it (the chart reads which from its
 * own CSS background, so it follows the AtlantaFX theme without being told).
 */
public record Palette(Color background, Color grid, Color text, Color muted, Color preparing, Color available,
                      Color releasing, Color actual, Color failed, Color expired, Color flag, Color no, Color errorFill,
                      Color shade, Color selectedRow, Color now, Color marker) {
    public static final Palette LIGHT = new Palette(Color.web("#fbfbfc"), Color.web("#e3e6ea"), Color.web("#24292f"),
            Color.web("#6e7781"), Color.web("#f2c14e"), Color.web("#3b82c4"), Color.web("#9fb8d0"),
            Color.web("#2da44e"), Color.web("#cf222e"), Color.web("#c4c8cc"), Color.web("#cf222e"),
            Color.web("#bc4c00"), Color.web("#ffebe9"), Color.web("#2da44e", 0.10), Color.web("#0969da", 0.10),
            Color.web("#cf222e"), Color.web("#8250df"));
    public static final Palette DARK = new Palette(Color.web("#0d1117"), Color.web("#30363d"), Color.web("#e6edf3"),
            Color.web("#8d96a0"), Color.web("#d29922"), Color.web("#4493f8"), Color.web("#6e8aa8"),
            Color.web("#3fb950"), Color.web("#f85149"), Color.web("#484f58"), Color.web("#f85149"),
            Color.web("#db6d28"), Color.web("#3c1618"), Color.web("#3fb950", 0.14), Color.web("#4493f8", 0.18),
            Color.web("#ff7b72"), Color.web("#bc8cff"));

    /** The palette for a background: dark on a dark one. */
    public static Palette on(Color background) {
        return background != null && background.getBrightness() < 0.5 ? DARK : LIGHT;
    }
}
