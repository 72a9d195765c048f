package fr.carnet.ui.unlock;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carnet.store.Store;
import fr.carnet.ui.common.Async;
import fr.carnet.ui.common.DeskContext;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnlockViewModelTest {
    @TempDir Path dir;

    @Test
    void aNewWorkerMustChooseAtLeastTenCharactersTypedTwice() {
        AtomicReference<DeskContext> opened = new AtomicReference<>();
        Path f = dir.resolve("c.db");
        UnlockViewModel vm = new UnlockViewModel(f, true, UnlockViewModel.Opener.STANDARD, Async.direct(), opened::set);
        vm.passphraseProperty().set("court");
        assertThat(vm.missingCharacters()).isEqualTo(5);
        vm.submit();
        assertThat(vm.errorProperty().get()).contains("10");
        vm.passphraseProperty().set("une phrase assez longue");
        vm.confirmationProperty().set("une phrase assez longu");
        vm.submit();
        assertThat(vm.errorProperty().get()).contains("identiques");
        assertThat(Store.exists(f)).isFalse();
        vm.confirmationProperty().set("une phrase assez longue");
        vm.submit();
        assertThat(opened.get()).isNotNull();
        assertThat(vm.passphraseProperty().get()).isEmpty();
        assertThat(opened.get().identity().workerId()).isNotBlank();
        opened.get().store().close();
    }

    @Test
    void aWrongPassphraseSaysSoAndTheRightOneOpens() {
        Path f = dir.resolve("c.db");
        Store.create(f, "la bonne phrase".toCharArray()).close();
        AtomicReference<DeskContext> opened = new AtomicReference<>();
        UnlockViewModel vm = new UnlockViewModel(f, false, UnlockViewModel.Opener.STANDARD, Async.direct(), opened::set);
        assertThat(vm.canSubmitProperty().get()).isFalse();
        vm.passphraseProperty().set("la mauvaise phrase");
        vm.submit();
        assertThat(vm.errorProperty().get()).contains("incorrecte");
        assertThat(opened.get()).isNull();
        assertThat(vm.busyProperty().get()).isFalse();
        vm.passphraseProperty().set("la bonne phrase");
        assertThat(vm.errorProperty().get()).isEmpty();
        vm.submit();
        assertThat(opened.get()).isNotNull();
        opened.get().store().close();
    }
}
