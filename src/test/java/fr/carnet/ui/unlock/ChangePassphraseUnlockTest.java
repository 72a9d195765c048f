package fr.carnet.ui.unlock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.carnet.domain.Enums.Role;
import fr.carnet.domain.RecordType;
import fr.carnet.store.RecordRepository;
import fr.carnet.store.Store;
import fr.carnet.store.StoreException;
import fr.carnet.ui.DeskFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Changing the passphrase from the main window: no data loss, the new one opens, the old one fails. */
class ChangePassphraseUnlockTest {
    @TempDir Path dir;

    @Test
    void reEncryptsUnderTheNewPassphraseWithoutLosingData() {
        DeskFixture fx = new DeskFixture(dir, Role.AS);
        String hh = fx.household("Famille Lefèvre", "Lille");
        ChangePassphraseViewModel vm = new ChangePassphraseViewModel(fx.ctx);
        vm.currentProperty().set("pas la phrase actuelle");
        vm.freshProperty().set("court");
        assertThat(vm.policyProperty().get()).contains("10");
        vm.freshProperty().set("une nouvelle phrase de passe");
        vm.confirmationProperty().set("une nouvelle phrase de passe");
        vm.submit();
        assertThat(vm.errorProperty().get()).contains("actuelle est incorrecte");
        assertThat(vm.doneProperty().get()).isFalse();
        assertThat(fx.store.verifyPassphrase(DeskFixture.PASS)).isTrue();

        vm.currentProperty().set(new String(DeskFixture.PASS));
        vm.confirmationProperty().set("une autre phrase de passe");
        vm.submit();
        assertThat(vm.errorProperty().get()).contains("identiques");
        vm.confirmationProperty().set("une nouvelle phrase de passe");
        vm.submit();
        assertThat(vm.doneProperty().get()).isTrue();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(fx.store.verifyPassphrase("une nouvelle phrase de passe".toCharArray())).isTrue();
        assertThat(fx.store.verifyPassphrase(DeskFixture.PASS)).isFalse();
        // Still usable while open.
        fx.household("Famille Martin", "Roubaix");
        fx.close();

        Path file = dir.resolve("carnet.db");
        assertThatThrownBy(() -> Store.open(file, DeskFixture.PASS))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.key()).isEqualTo("store.error.wrongPassphrase"));
        try (Store s = Store.open(file, "une nouvelle phrase de passe".toCharArray())) {
            java.util.Optional<?> found = s.read(c -> RecordRepository.find(c, RecordType.HOUSEHOLD, hh));
            int households = s.read(c -> c.fetchCount(fr.carnet.store.generated.Tables.HOUSEHOLD));
            assertThat(found).isPresent();
            assertThat(households).isEqualTo(2);
        }
    }
}
