package io.orrery.client.export;

import io.orrery.client.Outcome;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The comparison as an IVOA VOTable 1.4 (TABLEDATA), the table format TOPCAT, Aladin and the VO tools read: one
 * FIELD per column with its datatype, unit, UCD and description, instants as ISO-8601 timestamps in UTC (a
 * TIMESYS), a missing value as an empty cell, the task and each broker's answer as INFOs. Written with the JDK's XML
 * writer, so every text and attribute is escaped; characters XML 1.0 cannot hold become U+FFFD.
 */
public final class VoTableWriter {
    static final String NAMESPACE = "http://www.ivoa.net/xml/VOTable/v1.3";

    private VoTableWriter() {}

    public static void write(ExportTable table, OutputStream out) throws IOException {
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("VOTABLE");
            x.writeDefaultNamespace(NAMESPACE);
            x.writeAttribute("version", "1.4");
            x.writeCharacters("\n");
            empty(x, "TIMESYS", "ID", "utc", "timescale", "UTC", "refposition", "TOPOCENTER");
            x.writeStartElement("RESOURCE");
            x.writeAttribute("name", "orrery-offers");
            x.writeAttribute("type", "results");
            x.writeCharacters("\n");
            element(x, "DESCRIPTION", "Offers of ExecutionBroker services compared by Orrery"
                    + (table.task() == null ? "" : " for the task " + clean(table.task())));
            info(x, "task", table.task() == null ? "" : table.task(), null);
            info(x, "generated", table.generated().toString(), null);
            for (Outcome o : table.answers()) {
                info(x, "broker", o.broker() + ": " + result(o), detail(o));
            }
            fields(x, table.rows().size());
            x.writeStartElement("DATA");
            x.writeStartElement("TABLEDATA");
            x.writeCharacters("\n");
            for (ExportRow row : table.rows()) {
                x.writeStartElement("TR");
                for (Column c : Columns.ALL) {
                    String v = Cells.text(c.of(row));
                    if (v == null) {
                        x.writeEmptyElement("TD");
                    } else {
                        element(x, "TD", v, false);
                    }
                }
                x.writeEndElement();
                x.writeCharacters("\n");
            }
            x.writeEndElement();
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndElement(); // TABLE
            x.writeCharacters("\n");
            x.writeEndElement(); // RESOURCE
            x.writeCharacters("\n");
            x.writeEndElement(); // VOTABLE
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.flush();
            x.close();
            out.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the VOTable: " + e.getMessage(), e);
        }
    }

    private static void fields(XMLStreamWriter x, int rows) throws XMLStreamException {
        x.writeStartElement("TABLE");
        x.writeAttribute("name", "offers");
        x.writeAttribute("nrows", String.valueOf(rows));
        x.writeCharacters("\n");
        for (Column c : Columns.ALL) {
            x.writeStartElement("FIELD");
            x.writeAttribute("name", c.name());
            x.writeAttribute("ID", c.name());
            switch (c.type()) {
                case TEXT -> {
                    x.writeAttribute("datatype", "char");
                    x.writeAttribute("arraysize", "*");
                }
                case INSTANT -> {
                    x.writeAttribute("datatype", "char");
                    x.writeAttribute("arraysize", "*");
                    x.writeAttribute("xtype", "timestamp");
                    x.writeAttribute("ref", "utc");
                }
                case INTEGER, SECONDS -> x.writeAttribute("datatype", "long");
                case REAL -> x.writeAttribute("datatype", "double");
                case BOOLEAN -> x.writeAttribute("datatype", "boolean");
            }
            if (c.unit() != null) {
                x.writeAttribute("unit", c.unit());
            }
            if (c.ucd() != null) {
                x.writeAttribute("ucd", c.ucd());
            }
            element(x, "DESCRIPTION", c.description(), false);
            x.writeEndElement();
            x.writeCharacters("\n");
        }
    }

    private static String result(Outcome o) {
        if (o instanceof Outcome.Offers offers) {
            return "YES, " + offers.offerSet().offers().size() + " offers";
        }
        return o instanceof Outcome.No ? "NO" : "ERROR " + ((Outcome.Failed) o).error().kind();
    }

    private static String detail(Outcome o) {
        List<String> lines = o instanceof Outcome.No no ? no.reasons()
                : o instanceof Outcome.Failed f ? List.of(String.valueOf(f.error().getMessage()))
                : ((Outcome.Offers) o).warnings();
        return lines.isEmpty() ? null : String.join("\n", lines);
    }

    private static void info(XMLStreamWriter x, String name, String value, String text) throws XMLStreamException {
        if (text == null) {
            x.writeEmptyElement("INFO");
        } else {
            x.writeStartElement("INFO");
        }
        x.writeAttribute("name", name);
        x.writeAttribute("value", clean(value));
        if (text != null) {
            x.writeCharacters(clean(text));
            x.writeEndElement();
        }
        x.writeCharacters("\n");
    }

    private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        element(x, name, text, true);
    }

    private static void element(XMLStreamWriter x, String name, String text, boolean newline) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(clean(text));
        x.writeEndElement();
        if (newline) {
            x.writeCharacters("\n");
        }
    }

    private static void empty(XMLStreamWriter x, String name, String... attributes) throws XMLStreamException {
        x.writeEmptyElement(name);
        for (int i = 0; i < attributes.length; i += 2) {
            x.writeAttribute(attributes[i], attributes[i + 1]);
        }
        x.writeCharacters("\n");
    }

    /** The text with every character XML 1.0 cannot hold (controls, lone surrogates) as U+FFFD. */
    static String clean(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            boolean ok = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
            b.appendCodePoint(ok ? cp : 0xFFFD);
            i += Character.charCount(cp);
        }
        return b.toString();
    }
}
