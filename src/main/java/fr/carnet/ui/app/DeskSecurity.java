package fr.carnet.ui.app;

import fr.carnet.ui.audit.AuditView;
import fr.carnet.ui.audit.AuditViewModel;
import fr.carnet.ui.common.DeskContext;
import fr.carnet.ui.lock.DeskLock;
import fr.carnet.ui.lock.LockViewModel;
import fr.carnet.ui.lock.OfflineGraceViewModel;
import fr.carnet.ui.lock.SecurityMenu;
import fr.carnet.ui.unlock.ChangePassphraseDialog;
import fr.carnet.ui.unlock.ChangePassphraseViewModel;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Puts the unlocked desk's security around the main window: the idle and on-request lock, the
 * « Sécurité » menu (lock, change the passphrase, the audit trail for supervisors and
 * administrators, the lock settings) and the offline grace on the case-file lists.
 */
public final class DeskSecurity {
    private DeskSecurity() {}

    /**
     * Wraps the main view; make {@link DeskLock#root()} the scene's root, then call
     * {@link DeskLock#attach(Scene)}.
     */
    public static DeskLock install(Stage stage, MainView main, DeskContext ctx, Settings settings, Clock clock,
                                   Consumer<Settings> onSettings) {
        LockViewModel lockVm = new LockViewModel(ctx, clock, Duration.ofMinutes(settings.idleLockMinutes()));
        DeskLock lock = new DeskLock(stage, lockVm, main.root(), main::saveDrafts, settings::lockWhenIconified);
        Runnable audit = AuditViewModel.allowed(ctx.role())
                ? () -> main.openScreen("audit", () -> new AuditView(new AuditViewModel(ctx))) : null;
        main.addHeaderItem(SecurityMenu.create(new SecurityMenu.Actions(
                lock::lockSoon,
                () -> new ChangePassphraseDialog(stage, new ChangePassphraseViewModel(ctx)).showAndWait(),
                audit,
                settings.idleLockMinutes(),
                m -> {
                    settings.setIdleLockMinutes(m);
                    lockVm.setIdleTimeout(Duration.ofMinutes(m));
                    onSettings.accept(settings);
                },
                settings.lockWhenIconified(),
                b -> {
                    settings.setLockWhenIconified(b);
                    onSettings.accept(settings);
                })));
        main.guardWith(new OfflineGraceViewModel(ctx, clock, settings.offlineGraceDays()));
        return lock;
    }
}
