package io.orrery.workbench.editor;

import io.orrery.model.time.Times;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.threeten.extra.Interval;

/** A start window picked with a calendar: the earliest start (date and UTC time) and how long the window stays open. */
public final class StartPicker {
    private StartPicker() {}

    /** The interval text {@code START/DURATION}, or empty when cancelled or unreadable. */
    public static Optional<String> ask(Window owner, String current) {
        ZonedDateTime start = ZonedDateTime.now(ZoneOffset.UTC).plusDays(1).withHour(9).withMinute(0).withSecond(0).withNano(0);
        Duration length = Duration.ofHours(3);
        try {
            Interval i = Times.interval(current);
            start = i.getStart().atZone(ZoneOffset.UTC);
            length = i.toDuration();
        } catch (RuntimeException ignored) {
            // nothing readable yet: offer tomorrow 09:00 UTC for three hours
        }
        DatePicker date = new DatePicker(start.toLocalDate());
        TextField time = new TextField(start.toLocalTime().toString());
        TextField open = new TextField(length.toString());
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.addRow(0, new Label("Earliest start (UTC)"), date, time);
        g.addRow(1, new Label("Window stays open for"), open);
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Start window");
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        return d.showAndWait().filter(b -> b == ButtonType.OK).flatMap(b -> compose(date.getValue(), time.getText(),
                open.getText()));
    }

    /** The interval for a date, a time of day (HH:MM) and a window length; empty when any of them is unreadable. */
    public static Optional<String> compose(LocalDate date, String time, String length) {
        try {
            ZonedDateTime at = date.atTime(LocalTime.parse(time.strip())).atZone(ZoneOffset.UTC);
            return Optional.of(at.toInstant() + "/" + Times.duration(length));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
