package fr.carnet.ui.recovery;

import atlantafx.base.theme.Styles;
import fr.carnet.i18n.Messages;
import fr.carnet.ui.common.Ui;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

/**
 * The whole window after a revocation (security-002): a calm message and one button that closes
 * Carnet — nothing else is reachable. While the store is being erased it says so.
 *
 * @param wiping true while the wipe runs
 * @param detail what the sync said (how many changes reached the server), or a wipe failure
 */
public final class RevokedView extends StackPane {
    public RevokedView(ReadOnlyBooleanProperty wiping, ReadOnlyStringProperty detail, Runnable close) {
        setId("revoked-view");
        getStyleClass().addAll("unlock-view", "revoked-view");
        FontIcon icon = new FontIcon(MaterialDesignL.LAPTOP_OFF);
        icon.setIconSize(48); // and 48px in desk.css, where the theme would otherwise shrink it
        Label title = new Label(Messages.get("security.revoked.title"));
        title.setId("revoked-title");
        title.getStyleClass().add(Styles.TITLE_2);
        title.setWrapText(true);
        Label body = Ui.label("security.revoked.body");
        Label next = Ui.label("security.revoked.next");
        Label more = Ui.muted("");
        more.setId("revoked-detail");
        more.textProperty().bind(detail);
        more.visibleProperty().bind(detail.isNotEmpty());
        more.managedProperty().bind(more.visibleProperty());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(24, 24);
        progress.setAccessibleText(Messages.get("security.revoked.wiping"));
        Label wipingText = Ui.muted(Messages.get("security.revoked.wiping"));
        javafx.scene.layout.HBox busy = new javafx.scene.layout.HBox(12, progress, wipingText);
        busy.setAlignment(Pos.CENTER_LEFT);
        busy.visibleProperty().bind(wiping);
        busy.managedProperty().bind(busy.visibleProperty());
        Button quit = Ui.button("security.revoked.close", null, e -> close.run());
        quit.setId("revoked-close");
        quit.setDefaultButton(true);
        quit.disableProperty().bind(wiping);
        VBox box = new VBox(14, icon, title, body, next, more, busy, quit);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setMaxWidth(520);
        box.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        box.setPadding(new Insets(32));
        box.getStyleClass().add("card-box");
        getChildren().add(box);
        setAlignment(Pos.CENTER);
        setPadding(new Insets(24));
    }
}
