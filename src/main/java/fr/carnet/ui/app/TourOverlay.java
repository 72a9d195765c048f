package fr.carnet.ui.app;

import atlantafx.base.theme.Styles;
import fr.carnet.i18n.Messages;
import fr.carnet.ui.common.Ui;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The tour as a simple overlay over the main window: one card at a time, « Suivant » / « Passer ». */
public final class TourOverlay extends StackPane {
    public TourOverlay(TourViewModel vm) {
        setId("tour");
        getStyleClass().add("tour-overlay");
        setStyle("-fx-background-color: rgba(0,0,0,0.35);");
        Label title = new Label();
        title.setId("tour-title");
        title.getStyleClass().add(Styles.TITLE_3);
        title.textProperty().bind(vm.titleProperty());
        Label text = new Label();
        text.setId("tour-text");
        text.setWrapText(true);
        text.textProperty().bind(vm.textProperty());
        Label position = Ui.muted("");
        position.textProperty().bind(vm.positionProperty());
        Button next = Ui.button("desk.tour.next", null, e -> vm.next());
        next.setId("tour-next");
        next.setDefaultButton(true);
        next.getStyleClass().add(Styles.ACCENT);
        vm.lastProperty().addListener((o, a, l) -> {
            String key = l ? "desk.tour.done" : "desk.tour.next";
            next.setText(Messages.get(key));
            next.setAccessibleText(Messages.get(key).replace("_", ""));
        });
        Button skip = Ui.button("desk.tour.skip", null, e -> vm.skip());
        skip.setId("tour-skip");
        skip.setCancelButton(true);
        skip.visibleProperty().bind(vm.lastProperty().not());
        HBox actions = new HBox(12, next, skip, position);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(12, title, text, actions);
        card.setMaxWidth(440);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        card.setPadding(new Insets(24));
        card.getStyleClass().add("card-box");
        getChildren().add(card);
        setAlignment(Pos.CENTER);
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) vm.skip();
        });
        visibleProperty().bind(vm.openProperty());
        managedProperty().bind(visibleProperty());
    }
}
