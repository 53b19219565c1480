package io.orrery.client;

import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a broker's answer to a ranged read of an output into a chunk: 206, an unranged 200, or 416 at the end. */
final class OutputReplies {
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

    private OutputReplies() {}

    /**
     * @param headers the answer's headers by name
     * @param error the error the status stands for, when it is not a success
     */
    static OutputChunk chunk(int code, byte[] body, Function<String, String> headers, long offset,
                             Supplier<BrokerError> error) {
        String growing = headers.apply("Orrery-Output-Growing");
        boolean more = "true".equalsIgnoreCase(growing);
        if (code == 416) {
            // a complete output read from its end (or past it): nothing more will come
            return new OutputChunk(new byte[0], offset, false);
        }
        if (code == 206) {
            String range = headers.apply("Content-Range");
            if (range != null) {
                Matcher m = CONTENT_RANGE.matcher(range.strip());
                if (!m.matches() || Long.parseLong(m.group(1)) != offset) {
                    throw new BrokerError(BrokerError.Kind.PROTOCOL, code, "the broker answered bytes '" + range
                            + "' when asked for bytes from " + offset);
                }
                if (growing == null) {
                    more = m.group(3).equals("*");
                }
            }
            return new OutputChunk(body, offset + body.length, more);
        }
        if (code == 200) {
            // a broker that ignores ranges sends the output from its start
            byte[] rest = offset >= body.length ? new byte[0]
                    : java.util.Arrays.copyOfRange(body, (int) offset, body.length);
            return new OutputChunk(rest, offset + rest.length, more);
        }
        throw error.get();
    }
}
