package io.orrery.workbench.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The bus without the toolkit: a queue stands in for the JavaFX thread, drained by the test. */
class EventBusTest {
    private interface Said {
        String text();
    }

    private record Hello(String text) implements Said {
    }

    private record Bye(String text) implements Said {
    }

    private record Other(int n) {
    }

    private final Deque<Runnable> queued = new ArrayDeque<>();
    private boolean onUi = true;
    private final EventBus bus = new EventBus(() -> onUi, queued::add);

    private void drain() {
        while (!queued.isEmpty()) {
            queued.poll().run();
        }
    }

    @Test
    void eachSubscriberReceivesTheEventsOfItsTypeOnly() {
        List<Hello> hellos = new ArrayList<>();
        List<Other> others = new ArrayList<>();
        List<String> said = new ArrayList<>();
        bus.subscribe(Hello.class, hellos::add);
        bus.subscribe(Other.class, others::add);
        bus.subscribe(Said.class, s -> said.add(s.text()));
        bus.publish(new Hello("hi"));
        bus.publish(new Bye("so long"));
        bus.publish(new Other(7));
        assertEquals(List.of(new Hello("hi")), hellos);
        assertEquals(List.of(new Other(7)), others);
        assertEquals(List.of("hi", "so long"), said, "a subscriber to an interface hears every record that has it");
        assertEquals(Optional.of(new Bye("so long")), bus.last(Bye.class));
        assertEquals(Optional.of(new Hello("hi")), bus.last(Hello.class), "the last of exactly that type");
    }

    @Test
    void anUnsubscribedSubscriberHearsNothingMoreNotEvenWhatWasQueued() {
        List<Hello> heard = new ArrayList<>();
        Subscription s = bus.subscribe(Hello.class, heard::add);
        assertEquals(1, bus.subscribers(Hello.class));
        bus.publish(new Hello("one"));
        onUi = false;
        bus.publish(new Hello("queued"));
        assertEquals(List.of(new Hello("one")), heard, "from another thread, it waits for the ui thread");
        s.unsubscribe();
        assertEquals(0, bus.subscribers(Hello.class));
        drain();
        onUi = true;
        bus.publish(new Hello("after"));
        assertEquals(List.of(new Hello("one")), heard);
    }

    @Test
    void aSubscriberThatThrowsIsReportedAndTheOthersStillHear() {
        List<Throwable> reported = new ArrayList<>();
        List<Hello> heard = new ArrayList<>();
        Thread.UncaughtExceptionHandler before = Thread.currentThread().getUncaughtExceptionHandler();
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> reported.add(e));
        try {
            bus.subscribe(Hello.class, h -> {
                throw new IllegalStateException("broken subscriber");
            });
            bus.subscribe(Hello.class, heard::add);
            bus.publish(new Hello("x"));
        } finally {
            Thread.currentThread().setUncaughtExceptionHandler(before);
        }
        assertEquals(List.of(new Hello("x")), heard);
        assertEquals(1, reported.size());
        assertTrue(reported.get(0).getMessage().contains("broken subscriber"));
    }
}
