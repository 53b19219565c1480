package io.orrery.cli;

import io.orrery.client.compare.OfferRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The offers {@code orrery offers} listed last, in the order of its # column, kept in {@code last-offers.json} in
 * the configuration directory so that {@code orrery accept 2} (and reject, cancel, watch) can name an offer by its
 * number.
 */
final class LastListing {
    static final String FILE = "last-offers.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One listed offer: its number, broker and URL, when it expires, and whether its broker kept it. */
    record Entry(int index, String broker, String url, Instant expires, boolean kept) {
    }

    /** A number that picks no offer, with the exit code to end on: 2 for a usage error, 1 for an expired offer. */
    static final class Problem extends Exception {
        private final int code;

        Problem(int code, String message) {
            super(message);
            this.code = code;
        }

        int code() {
            return code;
        }
    }

    private LastListing() {}

    /** Whether a command's argument is a number from the listing rather than a URL. */
    static boolean isIndex(String arg) {
        return arg != null && arg.matches("\\d{1,6}");
    }

    /**
     * Remembers the rows as listed; notKept names the brokers whose offers were not stored (built-in brokers asked
     * while the window held their store).
     */
    static void save(Path dir, List<OfferRow> rows, Instant at, Set<String> notKept) throws IOException {
        ObjectNode root = JsonNodeFactory.instance.objectNode().put("listed", at.toString());
        ArrayNode offers = root.putArray("offers");
        int n = 1;
        for (OfferRow r : rows) {
            ObjectNode o = offers.addObject().put("index", n++).put("broker", r.broker()).put("url", r.url());
            o.put("expires", r.expires() == null ? null : r.expires().toString());
            o.put("kept", !notKept.contains(r.broker()));
        }
        Files.createDirectories(dir);
        Path tmp = dir.resolve(FILE + ".tmp");
        Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The offer numbered index in the last listing, or a problem saying why there is none. */
    static Entry pick(Path dir, String index) throws Problem {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new Problem(2, "no offers have been listed yet: run 'orrery offers TASK --broker ...' first, then"
                    + " give the number of its # column (or the offer's URL)");
        }
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (IOException | JacksonException e) {
            throw new Problem(2, "cannot read the last listing " + file + " (" + e.getMessage() + "): run"
                    + " 'orrery offers' again");
        }
        List<Entry> entries = new ArrayList<>();
        for (JsonNode o : root.path("offers")) {
            entries.add(new Entry(o.path("index").asInt(), o.path("broker").asString(), o.path("url").asString(),
                    instant(o.path("expires").asString(null)), o.path("kept").asBoolean(true)));
        }
        String when = root.path("listed").asString("?");
        int n = Integer.parseInt(index);
        if (entries.isEmpty()) {
            throw new Problem(2, "the last listing (" + OffersOutput.time(instant(when)) + " UTC) had no offers:"
                    + " there is no offer " + n);
        }
        if (n < 1 || n > entries.size()) {
            throw new Problem(2, "the last listing (" + OffersOutput.time(instant(when)) + " UTC) has offers 1 to "
                    + entries.size() + ", not " + n);
        }
        Entry e = entries.get(n - 1);
        if (e.url() == null || e.url().isBlank()) {
            throw new Problem(2, "offer " + n + " of the last listing (" + e.broker() + ") has no URL to send an"
                    + " update to");
        }
        if (!e.kept()) {
            throw new Problem(1, "offer " + n + " came from " + e.broker() + " while the Orrery window held the"
                    + " built-in brokers' store, so it was not kept: accept it in the window, or close the window"
                    + " and ask again");
        }
        return e;
    }

    /** Refuses an offer whose expiry has passed by now (the clock of the broker that made it). */
    static void checkAlive(Entry e, Instant now) throws Problem {
        if (e.expires() != null && !now.isBefore(e.expires())) {
            throw new Problem(1, "offer " + e.index() + " (" + e.url() + ") expired at "
                    + OffersOutput.time(e.expires()) + " UTC by " + e.broker() + "'s clock: run 'orrery offers'"
                    + " again for fresh offers");
        }
    }

    private static Instant instant(String s) {
        try {
            return s == null ? null : Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
