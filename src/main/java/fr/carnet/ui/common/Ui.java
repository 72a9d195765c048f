package fr.carnet.ui.common;

import atlantafx.base.theme.Styles;
import fr.carnet.domain.Enums.SyncState;
import fr.carnet.i18n.Messages;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.event.ActionEvent;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.util.StringConverter;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/** Small factories for the controls every screen uses, so they all carry text, mnemonics and accessible text. */
public final class Ui {
    private Ui() {}

    /** How long work must last before {@link #busyIndicator} shows: under a second an indicator only flickers (Nielsen's limit for staying in the flow). */
    public static final javafx.util.Duration BUSY_DELAY = javafx.util.Duration.seconds(1);

    /**
     * The small spinner beside a button whose work usually ends within a second (a passphrase
     * check: the key derivation takes a few hundred milliseconds). It appears only once the work
     * has lasted {@link #BUSY_DELAY}: a quick check does not flicker, and a cold start does not
     * repaint a spinner while it derives the key. The button itself is disabled at once.
     */
    public static javafx.scene.control.ProgressIndicator busyIndicator(javafx.beans.value.ObservableBooleanValue busy, String accessibleKey) {
        javafx.scene.control.ProgressIndicator p = new javafx.scene.control.ProgressIndicator();
        p.setPrefSize(24, 24);
        p.setAccessibleText(Messages.get(accessibleKey));
        // hidden, it is a still (determinate) indicator: an indeterminate one keeps animating, and
        // asking for a layout at every frame, even when it is not visible
        p.setProgress(0);
        p.setVisible(false);
        javafx.animation.PauseTransition wait = new javafx.animation.PauseTransition(BUSY_DELAY);
        wait.setOnFinished(e -> {
            if (!busy.get()) return;
            p.setProgress(javafx.scene.control.ProgressIndicator.INDETERMINATE_PROGRESS);
            p.setVisible(true);
        });
        busy.addListener((o, was, is) -> {
            if (is) {
                wait.playFromStart();
            } else {
                wait.stop();
                p.setVisible(false);
                p.setProgress(0);
            }
        });
        if (busy.get()) wait.playFromStart();
        return p;
    }

    /** A button whose text comes from the bundle (an underscore marks the mnemonic). */
    public static Button button(String key, Ikon icon, EventHandler<ActionEvent> action) {
        Button b = new Button(Messages.get(key));
        b.setMnemonicParsing(true);
        if (icon != null) b.setGraphic(new FontIcon(icon));
        b.setAccessibleText(Messages.get(key).replace("_", ""));
        b.setOnAction(action);
        return b;
    }

    public static Label label(String key, Object... args) {
        Label l = new Label(Messages.get(key, args));
        l.setWrapText(true);
        return l;
    }

    public static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TITLE_3);
        l.setAccessibleText(text);
        return l;
    }

    public static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        l.setWrapText(true);
        return l;
    }

    /** A small label showing where a record stands with the server (pending / synced / conflict). */
    public static Label syncBadge(SyncState s) {
        Label l = new Label();
        l.getStyleClass().add("sync-badge");
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        showSync(l, s);
        return l;
    }

    /**
     * Makes a {@link #syncBadge} show another state, in place: a table cell keeps one badge for
     * all the rows it shows (no new nodes to style while the list scrolls).
     */
    public static void showSync(Label l, SyncState s) {
        l.setText(Labels.sync(s));
        String style = "sync-" + s.name().toLowerCase(java.util.Locale.ROOT);
        if (!l.getStyleClass().contains(style)) {
            l.getStyleClass().removeIf(c -> c.startsWith("sync-") && !c.equals("sync-badge"));
            l.getStyleClass().add(style);
        }
        Ikon icon = switch (s) {
            case PENDING -> MaterialDesignC.CLOUD_UPLOAD_OUTLINE;
            case SYNCED -> MaterialDesignC.CLOUD_CHECK_OUTLINE;
            case CONFLICT -> MaterialDesignA.ALERT_OUTLINE;
        };
        if (l.getGraphic() instanceof FontIcon f) f.setIconCode(icon);
        else l.setGraphic(new FontIcon(icon));
        l.setAccessibleText(Messages.get("desk.sync.accessible", Labels.sync(s)));
    }

    /** The sync badge of a record being edited, following its state (empty until the record is read). */
    public static Node syncBadge(javafx.beans.value.ObservableValue<SyncState> state) {
        javafx.scene.layout.StackPane box = new javafx.scene.layout.StackPane();
        box.setId("edit-sync-state");
        Runnable show = () -> box.getChildren().setAll(state.getValue() == null ? List.of() : List.of(syncBadge(state.getValue())));
        state.addListener((o, a, b) -> show.run());
        show.run();
        return box;
    }

    /** Where a form says its draft was saved or restored. */
    public static Label draftStatus(javafx.beans.value.ObservableStringValue status) {
        Label l = muted("");
        l.setId("draft-status");
        l.textProperty().bind(status);
        return l;
    }

    /** A combo box over an enum, showing the bundle's names; {@code withEmpty} adds a blank choice first. */
    public static <E extends Enum<E>> ComboBox<E> enumCombo(Class<E> type, boolean withEmpty) {
        List<E> values = new java.util.ArrayList<>();
        if (withEmpty) values.add(null);
        values.addAll(List.of(type.getEnumConstants()));
        ComboBox<E> c = new ComboBox<>(FXCollections.observableArrayList(values));
        StringConverter<E> conv = new StringConverter<>() {
            @Override
            public String toString(E e) {
                return e == null ? "" : Labels.of(e);
            }

            @Override
            public E fromString(String s) {
                return null;
            }
        };
        c.setConverter(conv);
        c.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(E item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? c.getPromptText() : Labels.of(item));
            }
        });
        c.setMaxWidth(Double.MAX_VALUE);
        return c;
    }

    public static Node icon(Ikon icon) {
        return new FontIcon(icon);
    }

    /** Scrolls the nearest enclosing scroll pane so that the node is in view. */
    public static void scrollIntoView(Node node) {
        Node p = node.getParent();
        while (p != null && !(p instanceof javafx.scene.control.ScrollPane)) p = p.getParent();
        if (!(p instanceof javafx.scene.control.ScrollPane sp) || sp.getContent() == null) return;
        javafx.geometry.Bounds b = sp.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double contentH = sp.getContent().getBoundsInLocal().getHeight();
        double viewH = sp.getViewportBounds().getHeight();
        if (contentH <= viewH) return;
        double top = sp.getVvalue() * (contentH - viewH);
        if (b.getMinY() >= top && b.getMaxY() <= top + viewH) return;
        double target = Math.max(0, Math.min(contentH - viewH, b.getMinY() - viewH / 3));
        sp.setVvalue(target / (contentH - viewH));
    }

    /** Keeps the focused control in view while tabbing through a long form. */
    public static void followFocus(javafx.scene.control.ScrollPane sp) {
        sp.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) scene.focusOwnerProperty().addListener((o2, was, now) -> {
                if (now != null && sp.getContent() != null && isInside(now, sp.getContent())) scrollIntoView(now);
            });
        });
    }

    private static boolean isInside(Node n, Node container) {
        for (Node p = n; p != null; p = p.getParent()) if (p == container) return true;
        return false;
    }
}
