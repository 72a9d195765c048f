package fr.carnet.ui.lock;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carnet.domain.Enums.Role;
import fr.carnet.security.OfflineGrace;
import fr.carnet.store.AuditLog;
import fr.carnet.ui.DeskFixture;
import fr.carnet.ui.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock and the offline grace without the toolkit, on a clock the test moves. */
class LockViewModelTest {
    @TempDir Path dir;
    MutableClock clock = MutableClock.paris();

    @Test
    void locksAfterTheIdleTimeAndUnlocksOnlyWithTheStorePassphrase() {
        try (DeskFixture fx = new DeskFixture(dir, Role.AS)) {
            LockViewModel vm = new LockViewModel(fx.ctx, clock, Duration.ofMinutes(5));
            clock.advance(Duration.ofMinutes(3));
            vm.activity();
            clock.advance(Duration.ofMinutes(3));
            vm.tick();
            assertThat(vm.isLocked()).isFalse();
            clock.advance(Duration.ofMinutes(2));
            vm.tick();
            assertThat(vm.isLocked()).isTrue();
            for (int i = 0; i < 3; i++) {
                vm.passphraseProperty().set("pas la bonne phrase");
                vm.submit();
            }
            assertThat(vm.isLocked()).isTrue();
            assertThat(vm.countdownProperty().get()).isEqualTo("Réessayez dans 30 s");
            vm.passphraseProperty().set(new String(DeskFixture.PASS));
            assertThat(vm.canSubmitProperty().get()).isFalse();
            clock.advance(Duration.ofSeconds(30));
            vm.tick();
            vm.submit();
            assertThat(vm.isLocked()).isFalse();
            assertThat(fx.store.read(AuditLog::all)).extracting(AuditLog.Entry::action).containsSubsequence(
                    AuditLog.Action.UNLOCK_FAILED, AuditLog.Action.UNLOCK_FAILED, AuditLog.Action.UNLOCK_FAILED, AuditLog.Action.UNLOCK);
        }
    }

    @Test
    void aZeroIdleTimeNeverLocksByItself() {
        try (DeskFixture fx = new DeskFixture(dir, Role.AS)) {
            LockViewModel vm = new LockViewModel(fx.ctx, clock, Duration.ZERO);
            clock.advance(Duration.ofDays(2));
            vm.tick();
            assertThat(vm.isLocked()).isFalse();
        }
    }

    @Test
    void offlineGraceBlocksAfterThirtyOneDaysAndOpensAfterAnOnlineLogin() {
        try (DeskFixture fx = new DeskFixture(dir, Role.AS)) {
            OfflineGraceViewModel vm = new OfflineGraceViewModel(fx.ctx, clock, OfflineGrace.DEFAULT_DAYS);
            vm.check();
            assertThat(vm.isBlocked()).isFalse(); // never synced: exempt
            fx.store.write(c -> {
                OfflineGrace.recordOnlineLogin(c, clock.instant());
                return null;
            });
            clock.advance(Duration.ofDays(30));
            vm.check();
            assertThat(vm.isBlocked()).isFalse();
            clock.advance(Duration.ofDays(1).plusMinutes(1));
            vm.check();
            assertThat(vm.isBlocked()).isTrue();
            assertThat(vm.messageProperty().get()).contains("31 jours", "30 jours");
            fx.store.write(c -> {
                OfflineGrace.recordOnlineLogin(c, clock.instant());
                return null;
            });
            vm.check();
            assertThat(vm.isBlocked()).isFalse();
            assertThat(fx.store.read(OfflineGrace::lastOnlineLogin)).contains(clock.instant());
        }
    }
}
