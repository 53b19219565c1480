package io.orrery.workbench.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window's bus delivers on the JavaFX thread, whichever thread published. */
@ExtendWith(ApplicationExtension.class)
class EventBusFxTest {
    private record Ping(String from) {
    }

    @Start
    void start(Stage stage) {
        // no window: the toolkit is all this needs
    }

    @Test
    void anEventPublishedOnAnotherThreadArrivesOnTheJavaFxThread() throws Exception {
        EventBus bus = EventBus.onFxThread();
        CompletableFuture<String> arrivedOn = new CompletableFuture<>();
        bus.subscribe(Ping.class, p -> arrivedOn.complete(Platform.isFxApplicationThread() + " " + p.from()));
        Thread publisher = new Thread(() -> bus.publish(new Ping("worker")), "publisher");
        publisher.start();
        publisher.join(10_000);
        assertEquals("true worker", arrivedOn.get(10, TimeUnit.SECONDS));
    }

    @Test
    void anEventPublishedOnTheJavaFxThreadArrivesBeforePublishReturns() throws Exception {
        EventBus bus = EventBus.onFxThread();
        StringBuilder heard = new StringBuilder();
        bus.subscribe(Ping.class, p -> heard.append(p.from()));
        boolean atOnce = WaitForAsyncUtils.asyncFx(() -> {
            bus.publish(new Ping("fx"));
            return heard.toString().equals("fx");
        }).get(10, TimeUnit.SECONDS);
        assertTrue(atOnce);
    }
}
