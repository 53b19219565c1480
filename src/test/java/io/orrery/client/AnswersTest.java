package io.orrery.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Brokers' error answers said plainly, by status, with the broker's own reasons when it gives them. */
class AnswersTest {
    @Test
    void aTurnedAwaySignInSaysToCheckTheCredentialsAndWait() {
        String body = "{\"messages\": [{\"message\": \"too many failed sign-ins from this address: try again in 6 s\"}]}";
        BrokerError withCredentials = Answers.error(429, body, "the request for offers", true);
        assertEquals(BrokerError.Kind.UNAUTHORIZED, withCredentials.kind());
        assertTrue(withCredentials.getMessage().contains("too many failed sign-ins")
                && withCredentials.getMessage().contains("try again in 6 s"), withCredentials.getMessage());
        assertEquals(BrokerError.Kind.REFUSED, Answers.error(429, "", "the request for offers", false).kind());
    }

    @Test
    void aNotFoundWithTheBrokersReasonSaysItAndOneWithoutGuesses() {
        assertTrue(Answers.error(404, "{\"messages\": [{\"message\": \"no session 5b3e\"}]}", "session x", false)
                .getMessage().endsWith("no session 5b3e"));
        assertTrue(Answers.error(404, "", "session x", false).getMessage().contains("may have restarted"));
    }
}
