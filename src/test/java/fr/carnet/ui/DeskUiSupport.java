package fr.carnet.ui;

import fr.carnet.ui.app.MainView;
import fr.carnet.ui.app.Settings;
import fr.carnet.ui.app.Theme;
import fr.carnet.ui.common.DeskContext;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Helpers for the desk's TestFX flows on the Headless platform. */
public final class DeskUiSupport {
    private DeskUiSupport() {}

    /** Shows the main window for this context on the stage (on the FX thread). */
    public static MainView mount(Stage stage, DeskContext ctx) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Theme.apply(false);
            Settings s = new Settings();
            MainView main = new MainView(ctx, s, x -> { });
            Scene scene = new Scene(main.root(), 1280, 800);
            Theme.style(scene, s.fontSize());
            main.installShortcuts(scene);
            stage.setScene(scene);
            stage.show();
            return main;
        }).get(10, TimeUnit.SECONDS);
    }

    public static void show(Stage stage, Parent root) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            Scene scene = new Scene(root, 1280, 800);
            Theme.style(scene, Settings.DEFAULT_FONT);
            stage.setScene(scene);
            stage.show();
        }).get(10, TimeUnit.SECONDS);
    }

    /** Waits (up to 15 s) for background tasks to land on the FX thread. */
    public static void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.getAsBoolean();
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met in time", e);
        }
    }

    public static boolean present(FxRobot r, String query) {
        return r.lookup(query).tryQuery().isPresent();
    }

    /** Whether any visible labelled node or text input in the scene shows this text. */
    public static boolean sceneShows(FxRobot r, String text) {
        return r.lookup((Node n) -> (n instanceof Labeled l && l.getText() != null && l.getText().contains(text))
                || (n instanceof javafx.scene.text.Text t && t.getText() != null && t.getText().contains(text))
                || (n instanceof javafx.scene.control.TextInputControl ti && ti.getText() != null && ti.getText().contains(text)))
                .tryQuery().isPresent();
    }

    public static <T extends Node> Optional<T> find(FxRobot r, String query) {
        return r.lookup(query).tryQuery();
    }
}
