package io.orrery.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.Fixtures;
import io.orrery.broker.platform.PlatformCatalog;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** {@link LocalBroker#ask} keeps the promise of {@link Broker#ask}: whatever its core throws becomes a failure. */
class LocalBrokerFailureTest {

    private static Outcome.Failed askBroken(RuntimeException thrown) throws Exception {
        BreakableClock clock = new BreakableClock();
        try (LocalBroker local = new LocalBroker("builtin:laptop", PlatformCatalog.load("laptop"), clock)) {
            assertInstanceOf(Outcome.Offers.class, local.ask(Fixtures.sample("01-minimal-container.yaml")).get(),
                    "it answers while its clock works");
            clock.breakWith(thrown);
            CompletableFuture<Outcome> f = local.ask(Fixtures.sample("01-minimal-container.yaml"));
            assertTrue(f.isDone(), "an in-process answer is there at once");
            assertFalse(f.isCompletedExceptionally(), "never exceptionally");
            return assertInstanceOf(Outcome.Failed.class, f.get());
        }
    }

    @Test
    void anExceptionFromTheCoreIsAFailedOutcomeWithAPlainMessage() throws Exception {
        Outcome.Failed failed = askBroken(new IllegalStateException("the clock stopped"));
        assertEquals("builtin:laptop", failed.broker());
        assertEquals(BrokerError.Kind.BROKER_FAILURE, failed.error().kind());
        assertEquals("the built-in broker failed: the clock stopped", failed.error().getMessage());
    }

    @Test
    void anExceptionWithoutAMessageStillSaysWhatItWas() throws Exception {
        Outcome.Failed failed = askBroken(new UnsupportedOperationException());
        assertEquals("the built-in broker failed: UnsupportedOperationException", failed.error().getMessage());
    }

    @Test
    void aBrokerErrorFromTheCoreIsKeptAsItIs() throws Exception {
        BrokerError refused = new BrokerError(BrokerError.Kind.REFUSED, 400, "not today");
        assertEquals(refused, askBroken(refused).error());
    }
}
