package io.orrery.workbench.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.orrery.workbench.event.EventBus;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

/** Whatever was pinned is let go by one release, without the toolkit. */
class PinsTest {
    private record Said(String text) {
    }

    @Test
    void releasingLetsGoOfListenersBindingsSubscriptionsAndShownItems() {
        StringProperty model = new SimpleStringProperty("a");
        StringProperty view = new SimpleStringProperty();
        StringProperty both = new SimpleStringProperty();
        ObservableList<String> rows = FXCollections.observableArrayList();
        List<String> seen = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        EventBus bus = new EventBus(() -> true, Runnable::run);
        Pins pins = new Pins();
        pins.listen(model, (o, was, now) -> seen.add(now));
        pins.listen(rows, (javafx.collections.ListChangeListener<String>) c -> seen.add("rows"));
        pins.bind(view, model);
        pins.bindBoth(both, model);
        pins.show(list -> shown.add(String.valueOf(list)), "items", "none");
        pins.add(bus.subscribe(Said.class, s -> seen.add(s.text())));
        assertEquals(6, pins.size());

        model.set("b");
        rows.add("r");
        bus.publish(new Said("hi"));
        assertEquals(List.of("b", "rows", "hi"), seen);
        assertEquals("b", view.get());
        assertEquals("b", both.get());

        pins.releaseAll();
        assertEquals(0, pins.size());
        assertEquals(0, bus.subscribers(Said.class));
        model.set("c");
        rows.add("s");
        bus.publish(new Said("again"));
        assertEquals(List.of("b", "rows", "hi"), seen, "no listener left");
        assertEquals("b", view.get(), "unbound");
        assertEquals("b", both.get(), "unbound both ways");
        assertEquals(List.of("items", "none"), shown);
    }
}
