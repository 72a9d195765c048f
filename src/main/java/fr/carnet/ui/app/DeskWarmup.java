package fr.carnet.ui.app;

import fr.carnet.store.StoreWarmup;

/**
 * While the unlock screen waits for the passphrase (and while the key is derived), one thread
 * loads what the main window will need in a cold JVM: the store's side ({@link StoreWarmup}),
 * then the icon sets of the main window and its classes (loaded, not initialised: JavaFX's own
 * set-up stays on its thread). It reads no data.
 */
final class DeskWarmup {
    private DeskWarmup() {}

    private static final String[] ICONS = {"A", "C", "F", "H", "L", "M", "S", "T"};
    private static final String[] CLASSES = {
        "fr.carnet.ui.app.MainView", "fr.carnet.ui.app.DeskSecurity", "fr.carnet.ui.caseload.CaseloadView",
        "fr.carnet.ui.caseload.CaseloadViewModel", "fr.carnet.ui.sync.SyncHeader", "fr.carnet.ui.sync.SyncViewModel",
        "fr.carnet.ui.sync.ConflictsViewModel", "fr.carnet.ui.sync.OutboxViewModel", "fr.carnet.ui.lock.DeskLock",
        "fr.carnet.ui.lock.SecurityMenu", "fr.carnet.ui.lock.LockViewModel", "fr.carnet.ui.lock.OfflineGraceViewModel",
        "fr.carnet.ui.lock.OfflineGracePane", "fr.carnet.store.CaseloadQueries", "fr.carnet.sync.SyncEngine",
        "javafx.scene.control.TableView", "javafx.scene.control.skin.TableViewSkin", "javafx.scene.control.skin.TableHeaderRow",
        "javafx.scene.control.skin.NestedTableColumnHeader", "javafx.scene.control.skin.TableColumnHeader",
        "javafx.scene.control.skin.VirtualFlow", "javafx.scene.control.skin.TableRowSkin", "javafx.scene.control.skin.TableCellSkin",
        "javafx.scene.control.TableRow", "javafx.scene.control.TableCell", "javafx.scene.control.TableColumn",
        "javafx.scene.control.TabPane", "javafx.scene.control.skin.TabPaneSkin", "javafx.scene.control.MenuButton",
        "javafx.scene.control.skin.MenuButtonSkin", "javafx.scene.control.ContextMenu", "javafx.scene.control.skin.ContextMenuSkin",
        "javafx.scene.control.ToggleButton", "javafx.scene.control.skin.ToggleButtonSkin", "javafx.scene.layout.FlowPane",
        "atlantafx.base.controls.CustomTextField", "atlantafx.base.controls.CustomTextFieldSkin",
    };

    static void start() {
        StoreWarmup.start(() -> {
            ClassLoader cl = DeskWarmup.class.getClassLoader();
            for (String letter : ICONS) load("org.kordamp.ikonli.materialdesign2.MaterialDesign" + letter, true, cl);
            for (String c : CLASSES) load(c, false, cl);
            fr.carnet.platform.StartupTrace.mark("desk warm-up done");
        });
    }

    private static void load(String name, boolean initialise, ClassLoader cl) {
        try {
            Class.forName(name, initialise, cl);
        } catch (ClassNotFoundException | LinkageError e) {
            // only time lost
        }
    }
}
