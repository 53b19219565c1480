package io.orrery.broker;

/**
 * Who asks, and in which generation of the format, so that answers (and later reads) use the same words and only
 * the owner may change what was offered. Both may be null: an anonymous, newest-format client.
 */
public record RequestContext(String owner, String dialect) {
    public static final RequestContext ANONYMOUS = new RequestContext(null, null);
}
