package io.orrery.workbench.offers;

import io.orrery.client.compare.Comparison;
import io.orrery.client.compare.DurationText;
import io.orrery.client.compare.OfferRow;
import io.orrery.client.compare.Range;
import io.orrery.workbench.feature.Pins;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/**
 * The offers table: one row per offer, every column sortable by its value (not its text), an expiry countdown,
 * and the flags with their full text on hover. Pareto-best offers carry a star.
 */
final class OffersTable {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private OffersTable() {}

    /** The table and its columns; the rows come with {@link #bind}. */
    static TableView<OfferRow> create(OffersViewModel model) {
        TableView<OfferRow> t = new TableView<>();
        t.setId("offersTable");
        t.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        t.setPlaceholder(new javafx.scene.control.Label("No offers yet: check some brokers and press Ask (Ctrl+Enter)"));
        t.getColumns().add(col("\u2605", r -> r.paretoBest() ? 1 : 0, v -> v == 1 ? "\u2605" : "", 28,
                "Pareto-best: no other offer within your caps is better on start, finish, cost and carbon"));
        t.getColumns().add(col("Broker", OfferRow::broker, s -> s, 130, null));
        t.getColumns().add(col("Start (UTC)", OfferRow::start, OffersTable::when, 100, null));
        t.getColumns().add(col("End (UTC)", OfferRow::end, OffersTable::when, 100, null));
        t.getColumns().add(col("Lead", OfferRow::lead, DurationText::compact, 70, "preparation before the start"));
        t.getColumns().add(col("Duration", OfferRow::duration, DurationText::compact, 75, null));
        t.getColumns().add(col("Cores", OfferRow::cores, String::valueOf, 60, null));
        t.getColumns().add(col("GiB", OfferRow::memory, String::valueOf, 65, "memory"));
        t.getColumns().add(col("Cost", r -> r.cost(Comparison.MONETARY), OffersTable::number, 70, "monetary cost"));
        t.getColumns().add(col("Energy", r -> r.cost(Comparison.ENERGY), OffersTable::number, 80, "kWh"));
        t.getColumns().add(col("Carbon g", r -> r.cost(Comparison.CARBON), OffersTable::number, 90, null));
        t.getColumns().add(col("Metrics", r -> metrics(r), s -> s, 170, "the broker's metrics (performance, throughput)"));
        TableColumn<OfferRow, Instant> expires = col("Expires in", OfferRow::expires,
                e -> e == null ? "never" : "", 100, "time left to accept the offer");
        expires.setCellFactory(c -> new CountdownCell(model));
        t.getColumns().add(expires);
        TableColumn<OfferRow, String> flags = new TableColumn<>("Flags");
        flags.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(String.join("; ", model.flags(c.getValue()))));
        flags.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.isEmpty() ? "" : "\u26a0 " + s);
                setTooltip(empty || s == null || s.isEmpty() ? null : new Tooltip(s.replace("; ", "\n")));
                setStyle(empty || s == null || s.isEmpty() ? "" : "-fx-text-fill: -color-danger-fg;");
            }
        });
        flags.setPrefWidth(320);
        t.getColumns().add(flags);
        return t;
    }

    /** Shows the rows, sorted as the user clicks the headers, until released. */
    static void bind(TableView<OfferRow> table, ObservableList<OfferRow> rows, Pins pins) {
        SortedList<OfferRow> sorted = new SortedList<>(rows);
        pins.bind(sorted.comparatorProperty(), table.comparatorProperty());
        pins.show(table::setItems, sorted, FXCollections.observableArrayList());
    }

    private static String metrics(OfferRow r) {
        StringBuilder b = new StringBuilder();
        r.metrics().forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k.substring(k.lastIndexOf(':') + 1))
                .append(' ').append(v));
        return b.toString();
    }

    private static String when(Instant t) {
        return WHEN.format(t);
    }

    private static String number(Double v) {
        return v == null || v.isNaN() ? "-" : new Range(v, v).toString();
    }

    private static String countdown(Duration left) {
        return left.isNegative() || left.isZero() ? "expired" : DurationText.countdown(left);
    }

    /** The time left, redrawn on every tick of the view-model's clock (no table refresh, so no click is lost). */
    private static final class CountdownCell extends TableCell<OfferRow, Instant> {
        private final OffersViewModel model;
        private final javafx.beans.InvalidationListener tick = o -> show();

        CountdownCell(OffersViewModel model) {
            this.model = model;
            model.nowProperty().addListener(new javafx.beans.WeakInvalidationListener(tick));
        }

        @Override
        protected void updateItem(Instant e, boolean empty) {
            super.updateItem(e, empty);
            show();
        }

        private void show() {
            OfferRow row = isEmpty() || getTableRow() == null ? null : getTableRow().getItem();
            setText(isEmpty() ? null : getItem() == null || row == null ? "never"
                    : model.timeLeft(row).map(OffersTable::countdown).orElse("never"));
        }
    }

    /** A column sorted by the value, shown as text; missing values sort last and show as a dash. */
    private static <T extends Comparable<? super T>> TableColumn<OfferRow, T> col(String title, Function<OfferRow, T> value,
            Function<T, String> text, double width, String tip) {
        TableColumn<OfferRow, T> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setComparator(Comparator.nullsLast(Comparator.naturalOrder()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(T v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty ? null : v == null ? "-" : text.apply(v));
            }
        });
        c.setPrefWidth(width);
        if (tip != null) {
            javafx.scene.control.Label header = new javafx.scene.control.Label(title);
            header.setTooltip(new Tooltip(tip));
            c.setGraphic(header);
            c.setText("");
        }
        return c;
    }
}
