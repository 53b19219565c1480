package io.orrery.workbench.brokers;

import io.orrery.client.Credentials;
import io.orrery.client.Protocol;
import io.orrery.client.oidc.OidcSettings;
import io.orrery.workbench.feature.Pins;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.stage.Window;

/**
 * The brokers pane: each broker with a checkbox (ask it or not), a status dot (grey not asked, green answered,
 * amber slow, red failing), its dialect and when it last answered, and for a broker whose users sign in at an OpenID
 * provider a link that signs in ("sign in…"), cancels a sign-in under way or signs out; add a remote broker with its
 * credentials or issuer, remove one (the controller does these).
 */
public final class BrokersView {
    /** What the pane's buttons ask of its controller. */
    public record Actions(Adder add, Consumer<BrokerEntry> remove, Consumer<BrokerEntry> signIn,
                          Consumer<BrokerEntry> cancelSignIn, Consumer<BrokerEntry> signOut) {
        /** What the row's sign-in link does in the state it shows. */
        void onSignInLink(BrokerEntry e) {
            switch (e.signInProperty().get().kind()) {
                case SIGNED_OUT, FAILED -> signIn.accept(e);
                case SIGNING_IN -> cancelSignIn.accept(e);
                case SIGNED_IN -> signOut.accept(e);
                case NOT_NEEDED -> { }
            }
        }
    }

    /** Adds a remote broker by name, URL, the protocol it speaks, credentials and the OpenID issuer (or null). */
    @FunctionalInterface
    public interface Adder {
        void add(String name, String url, Protocol protocol, Credentials credentials, OidcSettings oidc);
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private final BorderPane root = new BorderPane();
    private final ListView<BrokerEntry> list = new ListView<>();
    private final BrokersViewModel model;
    private final Actions actions;

    public BrokersView(BrokersViewModel model, Actions actions) {
        this.model = model;
        this.actions = actions;
        list.setId("brokersList");
        list.setCellFactory(v -> new EntryCell(actions));
        Button add = new Button("Add\u2026");
        add.setId("addBrokerButton");
        add.setOnAction(e -> askToAdd(root.getScene().getWindow()));
        Button remove = new Button("Remove");
        remove.setId("removeBrokerButton");
        remove.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            BrokerEntry s = list.getSelectionModel().getSelectedItem();
            return s == null || s.builtIn();
        }, list.getSelectionModel().selectedItemProperty()));
        remove.setOnAction(e -> actions.remove().accept(list.getSelectionModel().getSelectedItem()));
        Label title = new Label("Brokers");
        title.getStyleClass().add("pane-title");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(6, title, gap, add, remove);
        bar.setPadding(new Insets(4));
        root.setTop(bar);
        root.setCenter(list);
    }

    /** Lists the view-model's brokers until released. */
    public void bind(Pins pins) {
        pins.show(list::setItems, model.entries(), FXCollections.observableArrayList());
    }

    public Node root() {
        return root;
    }

    private void askToAdd(Window owner) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Add a broker");
        d.setHeaderText("A remote broker: its base URL, what it speaks and, if it needs them, credentials.\n"
                + "They are kept in brokers.yaml (readable by you only), shared with 'orrery brokers'.");
        TextField name = new TextField();
        name.setId("brokerName");
        TextField url = new TextField("http://");
        url.setId("brokerUrl");
        ComboBox<Protocol> protocol = new ComboBox<>(FXCollections.observableArrayList(Protocol.values()));
        protocol.setId("brokerProtocol");
        protocol.setValue(Protocol.EXECUTION_BROKER);
        protocol.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Protocol p) {
                return p == null ? "" : BrokersViewModel.describe(p);
            }

            @Override
            public Protocol fromString(String s) {
                return Protocol.parse(s);
            }
        });
        TextField user = new TextField();
        PasswordField password = new PasswordField();
        PasswordField token = new PasswordField();
        TextField issuer = new TextField();
        issuer.setId("brokerIssuer");
        issuer.setPromptText("https://... (users sign in there; leave empty for none)");
        TextField clientId = new TextField();
        clientId.setId("brokerClientId");
        TextField audience = new TextField();
        audience.setId("brokerAudience");
        audience.setPromptText("optional");
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.addRow(0, new Label("Name"), name);
        g.addRow(1, new Label("URL"), url);
        g.addRow(2, new Label("Speaks"), protocol);
        g.addRow(3, new Label("User (Basic)"), user);
        g.addRow(4, new Label("Password"), password);
        g.addRow(5, new Label("Bearer token"), token);
        g.addRow(6, new Label("OpenID issuer"), issuer);
        g.addRow(7, new Label("Client id"), clientId);
        g.addRow(8, new Label("Audience"), audience);
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Optional<ButtonType> r = d.showAndWait();
        if (r.isPresent() && r.get() == ButtonType.OK) {
            OidcSettings oidc = null;
            if (blank(issuer.getText()) != null) {
                try {
                    oidc = new OidcSettings(issuer.getText(), clientId.getText(), null, audience.getText());
                } catch (IllegalArgumentException e) {
                    new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.WARNING,
                            "Cannot add the broker: " + e.getMessage()).show();
                    return;
                }
            }
            actions.add().add(name.getText(), url.getText(), protocol.getValue(), new Credentials(blank(user.getText()),
                    blank(password.getText()), blank(token.getText())), oidc);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** A broker's row: checkbox, status dot, name, and a second line with dialect and last answer. */
    private static final class EntryCell extends ListCell<BrokerEntry> {
        private final CheckBox check = new CheckBox();
        private final Circle dot = new Circle(5);
        private final Label name = new Label();
        private final Label detail = new Label();
        private final Hyperlink signIn = new Hyperlink();
        private final HBox box;
        private BrokerEntry bound;
        private final javafx.beans.InvalidationListener changed = o -> {
            if (bound != null) {
                show(bound);
            }
        };

        EntryCell(Actions actions) {
            detail.getStyleClass().add("text-muted");
            detail.setStyle("-fx-font-size: 10px;");
            signIn.setStyle("-fx-font-size: 10px; -fx-padding: 0;");
            signIn.setOnAction(a -> {
                if (bound != null) {
                    actions.onSignInLink(bound);
                }
            });
            box = new HBox(6, check, dot, new VBox(0, name, detail, signIn));
            box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            // a row never asks for more than the pane's width (long details are cut with an ellipsis): a horizontal
            // scroll bar would cover the last row, and its sign-in link with it
            setPrefWidth(0);
            name.setMinWidth(0);
            detail.setMinWidth(0);
            signIn.setMinWidth(0);
        }

        @Override
        protected void updateItem(BrokerEntry e, boolean empty) {
            super.updateItem(e, empty);
            if (bound != null) {
                check.selectedProperty().unbindBidirectional(bound.checkedProperty());
                bound.healthProperty().removeListener(changed);
                bound.lastAnswerProperty().removeListener(changed);
                bound.dialectProperty().removeListener(changed);
                bound.signInProperty().removeListener(changed);
                bound = null;
            }
            if (empty || e == null) {
                setGraphic(null);
                setText(null);
                setTooltip(null);
                return;
            }
            bound = e;
            check.selectedProperty().bindBidirectional(e.checkedProperty());
            e.healthProperty().addListener(changed);
            e.lastAnswerProperty().addListener(changed);
            e.dialectProperty().addListener(changed);
            e.signInProperty().addListener(changed);
            show(e);
            setGraphic(box);
        }

        private void show(BrokerEntry e) {
            name.setText(e.name());
            dot.setFill(switch (e.healthProperty().get()) {
                case UNKNOWN -> Color.web("#afb8c1");
                case REACHABLE -> Color.web("#2da44e");
                case SLOW -> Color.web("#d4a72c");
                case FAILING -> Color.web("#cf222e");
            });
            String last = e.lastAnswerProperty().get() == null ? "not asked yet"
                    : "last " + TIME.format(e.lastAnswerProperty().get()) + " UTC";
            detail.setText((e.dialectProperty().get().isEmpty() ? "dialect learnt on contact" : e.dialectProperty().get())
                    + " \u00b7 " + last);
            SignInState state = e.signInProperty().get();
            signIn.setVisible(state.kind() != SignInState.Kind.NOT_NEEDED);
            signIn.setManaged(signIn.isVisible());
            signIn.setText(state.text(ZoneId.systemDefault()) + switch (state.kind()) {
                case SIGNING_IN -> " \u00b7 cancel";
                case SIGNED_IN -> " \u00b7 sign out";
                default -> "";
            });
            setTooltip(new Tooltip(e.url() + "\n" + e.healthProperty().get().text()
                    + (e.detailProperty().get().isEmpty() ? "" : ": " + e.detailProperty().get())));
        }
    }
}
