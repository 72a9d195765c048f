package fr.carnet.ui.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.ColorScheme;
import javafx.application.Platform;
import javafx.scene.Scene;

/** Light or dark (AtlantaFX Primer), following the OS's colour scheme where JavaFX can read it; text size. */
public final class Theme {
    private Theme() {}

    public static boolean dark(Settings.ThemeChoice choice) {
        return switch (choice) {
            case LIGHT -> false;
            case DARK -> true;
            case SYSTEM -> {
                try {
                    yield Platform.getPreferences().getColorScheme() == ColorScheme.DARK;
                } catch (RuntimeException | Error e) {
                    yield false;
                }
            }
        };
    }

    public static void apply(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }

    /** Adds the desk's own stylesheet and the text size (everything scales with the root font size). */
    public static void style(Scene scene, int fontSize) {
        String css = Theme.class.getResource("/fr/carnet/ui/desk.css").toExternalForm();
        if (!scene.getStylesheets().contains(css)) scene.getStylesheets().add(css);
        scene.getRoot().setStyle("-fx-font-size: " + fontSize + "px;");
    }
}
