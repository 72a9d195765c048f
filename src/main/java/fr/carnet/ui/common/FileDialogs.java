package fr.carnet.ui.common;

import fr.carnet.i18n.Messages;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Where the desk asks the worker to save a file or choose a folder. Tests replace the dialogs with
 * {@link #override} so that flows run on the Headless platform without a native dialog.
 */
public final class FileDialogs {
    /** Answers the dialogs instead of the worker: the suggested file name in, the chosen path out (empty: cancelled). */
    @FunctionalInterface
    public interface Chooser {
        Optional<Path> choose(String suggestedName, boolean folder);
    }

    private static volatile Chooser override;

    private FileDialogs() {}

    /** Replaces the native dialogs (null restores them). */
    public static void override(Chooser c) {
        override = c;
    }

    /** Asks where to save a file of the given extension (« pdf », « png »), suggesting {@code suggestedName}. */
    public static Optional<Path> saveFile(Window owner, String titleKey, String suggestedName, String extension) {
        Chooser c = override;
        if (c != null) return c.choose(suggestedName, false);
        FileChooser fc = new FileChooser();
        fc.setTitle(Messages.get(titleKey));
        fc.setInitialFileName(suggestedName);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("desk.file.type." + extension), "*." + extension));
        File home = new File(System.getProperty("user.home"));
        if (home.isDirectory()) fc.setInitialDirectory(home);
        File f = fc.showSaveDialog(owner);
        return Optional.ofNullable(f).map(File::toPath);
    }

    /** Asks for a folder. */
    public static Optional<Path> chooseFolder(Window owner, String titleKey) {
        Chooser c = override;
        if (c != null) return c.choose(null, true);
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle(Messages.get(titleKey));
        File f = dc.showDialog(owner);
        return Optional.ofNullable(f).map(File::toPath);
    }
}
