package fr.carnet.ui.sync;

import atlantafx.base.theme.Styles;
import fr.carnet.i18n.Messages;
import fr.carnet.ui.common.Ui;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The sync area of the main window's header: status in one line (pending changes, last sync, or
 * the running sync's progress), the conflicts badge, and « Synchroniser » (Ctrl+Shift+S). It owns
 * the timer that drives {@link AutoSync} (every 15 seconds, on the FX thread, no I/O).
 */
public final class SyncHeader extends HBox {
    static final Duration TICK = Duration.seconds(15);
    private final Timeline timer;

    /**
     * @param open        opens the sync screen ({@code true}: on the conflicts list)
     */
    public SyncHeader(SyncViewModel vm, java.util.function.Consumer<Boolean> open) {
        super(8);
        setAlignment(Pos.CENTER_LEFT);
        setId("sync-header");
        ProgressIndicator spin = new ProgressIndicator();
        spin.setPrefSize(16, 16);
        spin.setMaxSize(16, 16);
        spin.visibleProperty().bind(vm.runningProperty());
        spin.managedProperty().bind(spin.visibleProperty());
        Hyperlink status = new Hyperlink();
        status.setId("sync-header-status");
        status.textProperty().bind(vm.headerProperty());
        status.setOnAction(e -> open.accept(false));
        status.setAccessibleText(Messages.get("sync.ui.header.accessible"));
        status.setMaxWidth(320);
        status.setMinWidth(60);
        status.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
        status.tooltipProperty().bind(Bindings.createObjectBinding(() -> new Tooltip(vm.headerDetailProperty().get()), vm.headerDetailProperty()));
        status.getStyleClass().add("sync-header-status");
        vm.errorProperty().addListener((o, a, b) -> status.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("failed"), !b.isEmpty()));
        Button badge = new Button();
        badge.setId("sync-conflict-badge");
        badge.setGraphic(Ui.icon(MaterialDesignA.ALERT_OUTLINE));
        badge.textProperty().bind(Bindings.createStringBinding(() -> Messages.get("sync.ui.badge", vm.conflictCountProperty().get()),
                vm.conflictCountProperty()));
        badge.accessibleTextProperty().bind(badge.textProperty());
        badge.getStyleClass().addAll(Styles.DANGER, Styles.SMALL, Styles.ROUNDED);
        badge.visibleProperty().bind(vm.conflictCountProperty().greaterThan(0));
        badge.managedProperty().bind(badge.visibleProperty());
        badge.setOnAction(e -> open.accept(true));
        badge.setMinWidth(Region.USE_PREF_SIZE);
        Button sync = Ui.button("sync.ui.sync", MaterialDesignS.SYNC, e -> {
            if (!vm.syncNow() && !vm.runningProperty().get()) open.accept(false);
        });
        sync.setId("sync-button");
        sync.setTooltip(new Tooltip(Messages.get("sync.ui.sync.tooltip")));
        sync.disableProperty().bind(vm.runningProperty());
        sync.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(spin, status, badge, sync);
        timer = new Timeline(new KeyFrame(TICK, e -> vm.autoSync().tick()));
        timer.setCycleCount(Animation.INDEFINITE);
        timer.play();
        vm.refresh();
    }

    /** Stops the automatic sync's timer (the window closes). */
    public void stop() {
        timer.stop();
    }
}
