package io.orrery.workbench.editor;

import io.orrery.model.time.Times;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
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
import javafx.util.StringConverter;
import org.threeten.extra.Interval;

/**
 * A start window picked with a calendar: the earliest start (an ISO date and a UTC time) and how long the window
 * stays open.
 */
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
        isoDates(date);
        TextField time = new TextField(start.toLocalTime().toString());
        time.setPromptText("HH:MM (UTC)");
        TextField open = new TextField(HumanDuration.typed(length));
        open.setPromptText("3h, 90m, 1d 2h or PT3H");
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

    /**
     * Shows and reads the picker's dates as ISO (2027-03-01) whatever the locale, as the task writes them; text that
     * is not a date leaves the date as it was.
     */
    public static void isoDates(DatePicker picker) {
        picker.setPromptText("yyyy-MM-dd");
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate d) {
                return d == null ? "" : DateTimeFormatter.ISO_LOCAL_DATE.format(d);
            }

            @Override
            public LocalDate fromString(String s) {
                if (s == null || s.isBlank()) {
                    return null;
                }
                try {
                    return LocalDate.parse(s.strip(), DateTimeFormatter.ISO_LOCAL_DATE);
                } catch (DateTimeParseException e) {
                    return picker.getValue();
                }
            }
        });
    }

    /**
     * The interval for a date, a time of day (HH:MM) and a window length (3h, 90m, PT3H); empty when any of them is
     * unreadable.
     */
    public static Optional<String> compose(LocalDate date, String time, String length) {
        try {
            ZonedDateTime at = date.atTime(LocalTime.parse(time.strip())).atZone(ZoneOffset.UTC);
            return Optional.of(at.toInstant() + "/" + HumanDuration.iso(length));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
