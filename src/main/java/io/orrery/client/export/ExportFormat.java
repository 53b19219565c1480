package io.orrery.client.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The formats the comparison is taken away in, each with its file extension, media type and writer. */
public enum ExportFormat {
    CSV("CSV", "csv", "text/csv"),
    JSON("JSON", "json", "application/json"),
    VOTABLE("VOTable", "vot", "application/x-votable+xml");

    private final String label;
    private final String extension;
    private final String mediaType;

    ExportFormat(String label, String extension, String mediaType) {
        this.label = label;
        this.extension = extension;
        this.mediaType = mediaType;
    }

    /** As people call it: CSV, JSON, VOTable. */
    public String label() {
        return label;
    }

    /** The file extension, without the dot. */
    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The format a word names (csv, json, votable, vot, xml), case aside; null for none. */
    public static ExportFormat named(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "csv" -> CSV;
            case "json" -> JSON;
            case "votable", "vot", "xml" -> VOTABLE;
            default -> null;
        };
    }

    /** Writes the table in this format (UTF-8) to the stream, and leaves it open. */
    public void write(ExportTable table, OutputStream out) throws IOException {
        if (this == VOTABLE) {
            VoTableWriter.write(table, out);
            return;
        }
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        if (this == CSV) {
            CsvWriter.write(table, w);
        } else {
            JsonWriter.write(table, w);
        }
        w.flush();
    }

    /** The table in this format as text. */
    public String text(ExportTable table) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(table, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
