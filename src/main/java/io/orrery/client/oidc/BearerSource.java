package io.orrery.client.oidc;

/** Where a broker's bearer token comes from when it is not a fixed one: fetched and renewed when needed. */
public interface BearerSource {
    /** A token valid for at least a little while (renewed first if it was about to expire). */
    String token();

    /** After the broker refused {@code rejected} (401): a renewed token, or the same one if another call renewed it. */
    String renewed(String rejected);

    /** What the source is, in words, with no secret in it. */
    String describe();
}
