package io.orrery.broker;

import io.orrery.model.codec.Dialect;
import io.orrery.model.codec.Format;
import io.orrery.model.codec.WireCodec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * The answer to an offer request, rendered once: the offer set without its offers, and each offer as a tree and as
 * the compact JSON it was stored as (rendered in phase OFFERED). A server sends {@link #json()}, which joins the
 * offers' stored text instead of writing them out again; readers in the same process take {@link #tree()}.
 */
public final class OfferAnswer {
    private static final byte[] OFFERS = ",\"offers\":[".getBytes(StandardCharsets.US_ASCII);

    private final ObjectNode set;
    private final List<ObjectNode> offers;
    private final List<byte[]> json;

    /** set: the offer set without offers ("offers" is written last); offers and json: the offers, in order. */
    OfferAnswer(ObjectNode set, List<ObjectNode> offers, List<byte[]> json) {
        if (offers.size() != json.size()) {
            throw new IllegalArgumentException(offers.size() + " offers but " + json.size() + " texts");
        }
        this.set = set;
        this.offers = List.copyOf(offers);
        this.json = List.copyOf(json);
    }

    /** The offer set's own URL (where it can be read again), or null on a broker without links. */
    public String url() {
        return set.path("meta").path("url").asString(null);
    }

    /** The offer set as a tree of the newest shape (its offers' trees are shared: one reader per answer). */
    public ObjectNode tree() {
        ObjectNode t = set.deepCopy();
        if (!offers.isEmpty()) {
            t.putArray("offers").addAll(offers);
        }
        return t;
    }

    /** The offer set as compact JSON of the newest shape, the same document {@link #tree()} is. */
    public byte[] json() {
        byte[] head = WireCodec.writeCompact(set, Format.JSON, Dialect.NEWEST);
        if (offers.isEmpty()) {
            return head;
        }
        int size = head.length + OFFERS.length + 1;
        for (byte[] o : json) {
            size += o.length + 1;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        out.write(head, 0, head.length - 1); // the set's closing brace comes after its offers
        out.writeBytes(OFFERS);
        for (int i = 0; i < json.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(json.get(i));
        }
        out.write(']');
        out.write('}');
        return out.toByteArray();
    }
}
