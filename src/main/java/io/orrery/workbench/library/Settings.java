package io.orrery.workbench.library;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** The window's settings (size, dividers, theme, last file), kept in workbench.properties between runs. */
public final class Settings {
    private final Path file;
    private final Properties values = new Properties();

    public Settings(Path configDir) {
        this.file = configDir.resolve("workbench.properties");
        if (Files.isRegularFile(file)) {
            try {
                values.load(new StringReader(Files.readString(file)));
            } catch (IOException e) {
                values.clear();
            }
        }
    }

    public double number(String key, double otherwise) {
        try {
            return Double.parseDouble(values.getProperty(key, String.valueOf(otherwise)));
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    public String text(String key, String otherwise) {
        return values.getProperty(key, otherwise);
    }

    public void put(String key, Object value) {
        values.setProperty(key, String.valueOf(value));
    }

    /** Whether the first-run hint has been shown with this configuration directory. */
    public boolean firstRunHintShown() {
        return Boolean.parseBoolean(values.getProperty("hint.firstRun.shown", "false"));
    }

    public void firstRunHintShown(boolean shown) {
        put("hint.firstRun.shown", shown);
    }

    /** The zone instants are shown in: "UTC" (the default), "local" (this machine's), or an id like Europe/Madrid. */
    public String timeZone() {
        return text("time.zone", "UTC");
    }

    public void timeZone(String zone) {
        put("time.zone", zone);
    }

    public void save() throws IOException {
        StringWriter w = new StringWriter();
        values.store(w, "Orrery workbench");
        TaskLibrary.save(file, w.toString());
    }
}
