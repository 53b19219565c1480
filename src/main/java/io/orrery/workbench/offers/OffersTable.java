package io.orrery.workbench.offers;

import io.orrery.client.compare.Comparison;
import io.orrery.client.compare.OfferRow;
import io.orrery.client.compare.Range;
import io.orrery.workbench.feature.Pins;
import io.orrery.client.text.HumanTime;
import java.time.Instant;
import java.util.Comparator;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
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
    /** The height of a row, in pixels: dense, so that eight rows fit at 1280x800. */
    static final double ROW_HEIGHT = 24;

    private OffersTable() {}

    /** The table and its columns; the rows come with {@link #bind}. */
    static TableView<OfferRow> create(OffersViewModel model, ObjectProperty<HumanTime> time) {
        TableView<OfferRow> t = new TableView<>();
        t.setId("offersTable");
        t.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        t.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        t.setFixedCellSize(ROW_HEIGHT); // one height for every row: more rows in the room, and faster
        t.setPlaceholder(new javafx.scene.control.Label("No offers yet: check some brokers and press Ask (Ctrl+Enter)"));
        t.getColumns().add(col("\u2605", r -> r.paretoBest() ? 1 : 0, v -> v == 1 ? "\u2605" : "",
                "Pareto-best: no other offer within your caps is better on start, finish, cost and carbon"));
        TableColumn<OfferRow, String> broker = col("Broker", OfferRow::broker, s -> s, null);
        broker.setId("brokerColumn");
        t.getColumns().add(broker);
        TableColumn<OfferRow, Instant> start = col("Start", OfferRow::start, x -> time.get().compact(x),
                "when the offered slot starts (preparation comes before it)");
        TableColumn<OfferRow, Instant> end = col("End", OfferRow::end, x -> time.get().compact(x), null);
        zoned(start, "Start", time);
        zoned(end, "End", time);
        start.setId("timeColumn");
        end.setId("timeColumn");
        t.getColumns().add(start);
        t.getColumns().add(end);
        t.getColumns().add(col("Preparation", OfferRow::lead, HumanTime::duration,
                "image pull or data staging before the start"));
        t.getColumns().add(col("Duration", OfferRow::duration, HumanTime::duration, "how long the slot runs"));
        t.getColumns().add(col("Cores", OfferRow::cores, String::valueOf, null));
        t.getColumns().add(col("Memory (GiB)", OfferRow::memory, String::valueOf, null));
        t.getColumns().add(range("Cost (" + Comparison.CURRENCY + ")", Comparison.MONETARY,
                "estimated money for the session: a range when the broker gives one"));
        t.getColumns().add(range("Energy (kWh)", Comparison.ENERGY, "estimated energy use"));
        t.getColumns().add(range("Carbon (gCO\u2082)", Comparison.CARBON, "estimated carbon emissions"));
        t.getColumns().add(col("Metrics", OffersTable::metrics, s -> s, "the broker's metrics (performance, throughput)"));
        TableColumn<OfferRow, Instant> state = col("State", OfferRow::expires, e -> "",
                "open, with the time left to accept it on its broker's clock, or expired");
        state.setId("stateColumn");
        state.setCellFactory(c -> new StateCell(model));
        t.getColumns().add(state);
        TableColumn<OfferRow, String> flags = new TableColumn<>();
        javafx.scene.control.Label flagsHeader = new javafx.scene.control.Label("Flags");
        flagsHeader.setTooltip(new Tooltip("where the offer breaks the request or a cap, and what the broker warns of"));
        flags.setGraphic(flagsHeader);
        flags.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(String.join("; ", model.flags(c.getValue()))));
        flags.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                String shown = empty || s == null ? null : time.get().humanize(s);
                setText(shown == null ? null : shown.isEmpty() ? "" : "\u26a0 " + shown);
                setTooltip(shown == null || shown.isEmpty() ? null : new Tooltip(shown.replace("; ", "\n")));
                setStyle(shown == null || shown.isEmpty() ? "" : "-fx-text-fill: -color-danger-fg;");
            }
        });
        flags.setPrefWidth(320);
        t.getColumns().add(flags);
        for (TableColumn<OfferRow, ?> c : t.getColumns()) {
            c.setPrefWidth(Math.max(c.getPrefWidth(), widthFor(c)));
        }
        flags.setPrefWidth(320);
        time.addListener(o -> t.refresh());
        return t;
    }

    /** Wide enough for the header's words and a typical value, so no header is cut at 1280 pixels. */
    private static double widthFor(TableColumn<OfferRow, ?> c) {
        String title = c.getGraphic() instanceof Labeled l ? l.getText() : c.getText();
        double header = new Text(title).getLayoutBounds().getWidth() * 1.15 + 36;
        String typical = c.getId() == null ? "" : switch (c.getId()) {
            case "stateColumn" -> "expires in 14:59";
            case "brokerColumn" -> "builtin:green-hpc";
            case "timeColumn" -> "12-01 14:02:10";
            default -> "";
        };
        return Math.max(Math.max(header, 56), new Text(typical).getLayoutBounds().getWidth() * 1.15 + 20);
    }

    /** The zone the times are shown in, in the header: "Start (UTC)". */
    private static void zoned(TableColumn<OfferRow, Instant> c, String title, ObjectProperty<HumanTime> time) {
        Labeled header = (Labeled) c.getGraphic();
        header.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> title + " (" + time.get().zoneName() + ")", time));
    }

    /** A cost column: the broker's range ("0.31-0.74"), sorted by the least it may cost. */
    private static TableColumn<OfferRow, Range> range(String title, String type, String tip) {
        TableColumn<OfferRow, Range> c = col(title, r -> r.costs().get(type), Range::toString, tip);
        c.setComparator(Comparator.nullsLast(Comparator.comparingDouble(Range::rankValue)));
        return c;
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

    /**
     * The offer's state from the view-model (the words the timeline writes beside its bar), redrawn whenever the
     * clocks are looked at again (no table refresh, so no click is lost).
     */
    static final class StateCell extends TableCell<OfferRow, Instant> {
        private final OffersViewModel model;
        private final javafx.beans.InvalidationListener tick = o -> show();

        StateCell(OffersViewModel model) {
            this.model = model;
            model.clockRevisionProperty().addListener(new javafx.beans.WeakInvalidationListener(tick));
        }

        @Override
        protected void updateItem(Instant e, boolean empty) {
            super.updateItem(e, empty);
            show();
        }

        private void show() {
            OfferRow row = isEmpty() || getTableRow() == null ? null : getTableRow().getItem();
            setText(isEmpty() || row == null ? null : model.stateText(row));
            OfferState st = isEmpty() || row == null ? null : model.state(row);
            setStyle(st == OfferState.EXPIRED ? "-fx-text-fill: -color-fg-subtle;"
                    : st == OfferState.EXPIRING ? "-fx-text-fill: -color-warning-fg;" : "");
        }
    }

    /** A column sorted by the value, shown as text; missing values sort last and show as a dash. */
    private static <T> TableColumn<OfferRow, T> col(String title, Function<OfferRow, T> value,
            Function<T, String> text, String tip) {
        TableColumn<OfferRow, T> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setComparator(Comparator.nullsLast(OffersTable::natural));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(T v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty ? null : v == null ? "-" : text.apply(v));
            }
        });
        javafx.scene.control.Label header = new javafx.scene.control.Label(title);
        header.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        if (tip != null) {
            header.setTooltip(new Tooltip(tip));
        }
        c.setGraphic(header);
        c.setText("");
        return c;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int natural(Object a, Object b) {
        return ((Comparable) a).compareTo(b);
    }
}
