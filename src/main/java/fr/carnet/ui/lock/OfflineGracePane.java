package fr.carnet.ui.lock;

import atlantafx.base.theme.Styles;
import fr.carnet.i18n.Messages;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * Wraps a screen that lists case files (the caseload, the agenda): while the offline grace is
 * over, the list is taken out and a calm message asks for an online login, with the days count.
 */
public final class OfflineGracePane extends StackPane {
    public OfflineGracePane(Node screen, OfflineGraceViewModel vm) {
        FontIcon icon = new FontIcon(MaterialDesignC.CLOUD_LOCK_OUTLINE);
        icon.setIconSize(40);
        Label title = new Label(Messages.get("security.grace.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        Label message = new Label();
        message.setId("grace-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        VBox box = new VBox(10, icon, title, message);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setMaxWidth(520);
        box.setMaxHeight(Region.USE_PREF_SIZE);
        box.setPadding(new Insets(28));
        box.getStyleClass().add("card-box");
        StackPane blocked = new StackPane(box);
        blocked.getStyleClass().add("grace-pane");
        blocked.setPadding(new Insets(24));
        Region waiting = new Region();
        Runnable show = () -> getChildren().setAll(!vm.checkedProperty().get() ? waiting : vm.isBlocked() ? blocked : screen);
        vm.blockedProperty().addListener((o, a, b) -> show.run());
        vm.checkedProperty().addListener((o, a, b) -> show.run());
        show.run();
    }
}
