package fr.carnet.ui.unlock;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carnet.store.AuditLog;
import fr.carnet.store.Store;
import fr.carnet.ui.MutableClock;
import fr.carnet.ui.common.Async;
import fr.carnet.ui.common.DeskContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Growing delays after failed unlocks, and the audit lines written once the store opens. */
class UnlockLockoutTest {
    @TempDir Path dir;

    private void fail(UnlockViewModel vm) {
        vm.passphraseProperty().set("pas la bonne phrase");
        vm.submit();
    }

    @Test
    void afterThreeFailuresTheButtonWaitsWithACountdownThenTheRightPassphraseOpensAndIsAudited() {
        Path f = dir.resolve("c.db");
        Store.create(f, "la bonne phrase".toCharArray()).close();
        MutableClock clock = MutableClock.paris();
        AtomicReference<DeskContext> opened = new AtomicReference<>();
        UnlockViewModel vm = new UnlockViewModel(f, false, UnlockViewModel.Opener.STANDARD, Async.direct(), clock, opened::set);
        for (int i = 0; i < 3; i++) fail(vm);
        assertThat(vm.errorProperty().get()).contains("incorrecte");
        assertThat(vm.waitingProperty().get()).isTrue();
        assertThat(vm.countdownProperty().get()).isEqualTo("Réessayez dans 30 s");
        vm.passphraseProperty().set("la bonne phrase");
        assertThat(vm.canSubmitProperty().get()).isFalse();
        vm.submit();
        assertThat(opened.get()).isNull();

        clock.advance(Duration.ofSeconds(12));
        vm.tick();
        assertThat(vm.countdownProperty().get()).isEqualTo("Réessayez dans 18 s");
        clock.advance(Duration.ofSeconds(18));
        vm.tick();
        assertThat(vm.canSubmitProperty().get()).isTrue();
        assertThat(vm.countdownProperty().get()).isEmpty();

        // A fourth failure doubles the delay; a new screen (restart) still knows it.
        fail(vm);
        assertThat(vm.countdownProperty().get()).isEqualTo("Réessayez dans 1 min");
        UnlockViewModel again = new UnlockViewModel(f, false, UnlockViewModel.Opener.STANDARD, Async.direct(), clock, opened::set);
        assertThat(again.waitingProperty().get()).isTrue();
        clock.advance(Duration.ofSeconds(61));
        again.tick();
        again.passphraseProperty().set("la bonne phrase");
        again.submit();
        assertThat(opened.get()).isNotNull();

        Store s = opened.get().store();
        List<AuditLog.Entry> audit = s.read(AuditLog::all);
        assertThat(audit).extracting(AuditLog.Entry::action).containsExactly(AuditLog.Action.UNLOCK_FAILED, AuditLog.Action.UNLOCK);
        assertThat(audit.get(0).detail()).isEqualTo("attempts=4");
        assertThat(audit).allSatisfy(e -> assertThat(e.workerId()).isEqualTo(opened.get().identity().workerId()));
        s.close();
        // The success cleared the count: the next unlock starts fresh.
        UnlockViewModel fresh = new UnlockViewModel(f, false, UnlockViewModel.Opener.STANDARD, Async.direct(), clock, c -> { });
        assertThat(fresh.waitingProperty().get()).isFalse();
    }

    @Test
    void aFirstPassphraseMustFollowThePolicyShownUnderTheField() {
        Path f = dir.resolve("c.db");
        UnlockViewModel vm = new UnlockViewModel(f, true, UnlockViewModel.Opener.STANDARD, Async.direct(), c -> { });
        vm.passphraseProperty().set("azerty");
        assertThat(vm.policyProperty().get()).contains("4");
        vm.passphraseProperty().set("azertyuiop");
        assertThat(vm.policyProperty().get()).contains("courante");
        vm.confirmationProperty().set("azertyuiop");
        vm.submit();
        assertThat(vm.errorProperty().get()).contains("courante");
        assertThat(Store.exists(f)).isFalse();
        vm.passphraseProperty().set("le chat dort sur le radiateur");
        assertThat(vm.policyProperty().get()).isEqualTo("Longueur suffisante.");
    }
}
