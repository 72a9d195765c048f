package fr.carnet.ui.lock;

import atlantafx.base.theme.Styles;
import fr.carnet.i18n.Messages;
import java.util.List;
import java.util.function.IntConsumer;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** The main window's « Sécurité » menu: lock, change the passphrase, the audit trail, the lock settings. */
public final class SecurityMenu {
    /** The choices of idle time, in minutes (0: never). */
    public static final List<Integer> IDLE_CHOICES = List.of(1, 5, 10, 15, 30, 0);

    /** What the menu's items do. */
    public record Actions(Runnable lock, Runnable changePassphrase, Runnable auditTrail, int idleMinutes,
                          IntConsumer onIdleMinutes, boolean lockWhenIconified, java.util.function.Consumer<Boolean> onLockWhenIconified) {}

    private SecurityMenu() {}

    public static MenuButton create(Actions a) {
        MenuButton m = new MenuButton(Messages.get("security.menu"), new FontIcon(MaterialDesignS.SHIELD_LOCK_OUTLINE));
        m.setId("security-menu");
        m.setMnemonicParsing(true);
        m.setAccessibleText(Messages.get("security.menu").replace("_", ""));
        m.getStyleClass().add(Styles.FLAT);
        MenuItem lock = new MenuItem(Messages.get("security.menu.lock"));
        lock.setId("menu-lock");
        lock.setAccelerator(DeskLock.SHORTCUT);
        lock.setOnAction(e -> a.lock().run());
        MenuItem change = new MenuItem(Messages.get("security.menu.changePassphrase"));
        change.setId("menu-change-passphrase");
        change.setOnAction(e -> a.changePassphrase().run());
        m.getItems().addAll(lock, change);
        if (a.auditTrail() != null) {
            MenuItem audit = new MenuItem(Messages.get("security.menu.audit"));
            audit.setId("menu-audit");
            audit.setOnAction(e -> a.auditTrail().run());
            m.getItems().add(audit);
        }
        Menu idle = new Menu(Messages.get("security.menu.idle"));
        ToggleGroup g = new ToggleGroup();
        for (int minutes : IDLE_CHOICES) {
            RadioMenuItem mi = new RadioMenuItem(minutes == 0 ? Messages.get("security.menu.idle.never")
                    : Messages.get("security.menu.idle.minutes", minutes));
            mi.setToggleGroup(g);
            mi.setSelected(minutes == a.idleMinutes());
            mi.setOnAction(e -> a.onIdleMinutes().accept(minutes));
            idle.getItems().add(mi);
        }
        CheckMenuItem iconified = new CheckMenuItem(Messages.get("security.menu.lockWhenIconified"));
        iconified.setSelected(a.lockWhenIconified());
        iconified.setOnAction(e -> a.onLockWhenIconified().accept(iconified.isSelected()));
        m.getItems().addAll(new SeparatorMenuItem(), idle, iconified);
        return m;
    }
}
