package fr.carnet.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.Enums.Role;
import fr.carnet.domain.RecordType;
import fr.carnet.i18n.Messages;
import fr.carnet.sync.SyncException;
import fr.carnet.sync.SyncResult;
import fr.carnet.ui.DeskFixture;
import fr.carnet.util.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sync status and connection, without the toolkit: a real store, a gateway the test drives. */
class SyncUiViewModelTest {
    @TempDir Path dir;
    DeskFixture f;
    FakeGateway gateway = new FakeGateway();
    List<String> remembered = new ArrayList<>();
    List<String> connectedWith = new ArrayList<>();
    SyncViewModel vm;

    @BeforeEach
    void setUp() {
        Messages.setLocale(Locale.FRANCE);
        f = new DeskFixture(dir, Role.AS);
        vm = new SyncViewModel(f.ctx, (url, login, pw) -> {
            connectedWith.add(url + "|" + login + "|" + new String(pw));
            return gateway;
        }, Runnable::run, DeskFixture.CLOCK, "", "", (u, l) -> remembered.add(u + "|" + l));
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private void signIn() {
        vm.serverUrlProperty().set("https://carnet.example.fr");
        vm.loginProperty().set("as.martin");
        vm.passwordProperty().set("demo");
        assertThat(vm.connect()).isTrue();
    }

    @Test
    void countsPendingChangesInWords() {
        vm.refresh();
        assertThat(vm.pendingTextProperty().get()).isEqualTo("Aucune modification en attente d’envoi");
        assertThat(vm.lastSyncProperty().get()).isEqualTo("Jamais synchronisé sur ce poste");
        String h = f.household("Famille Durand", "Lille");
        ObjectNode ch = Json.object();
        ch.put("housing", "HLM");
        f.ctx.editor().update(RecordType.HOUSEHOLD, h, ch);
        f.household("Famille Petit", "Lille");
        vm.refresh();
        assertThat(vm.pendingTextProperty().get()).isEqualTo("3 modifications en attente d’envoi");
        assertThat(vm.pendingCountProperty().get()).isEqualTo(3);
    }

    @Test
    void rejectsABadAddressOrAMissingPasswordBeforeTryingAnything() {
        vm.serverUrlProperty().set("carnet.example.fr");
        vm.loginProperty().set("as.martin");
        vm.passwordProperty().set("demo");
        assertThat(vm.connect()).isFalse();
        assertThat(vm.errorProperty().get()).startsWith("Adresse du serveur invalide");
        vm.serverUrlProperty().set("https://carnet.example.fr");
        vm.passwordProperty().set("");
        assertThat(vm.connect()).isFalse();
        assertThat(vm.errorProperty().get()).isEqualTo("Saisissez votre mot de passe.");
        assertThat(connectedWith).isEmpty();
    }

    @Test
    void remembersAddressAndLoginButNeverThePassword() {
        signIn();
        assertThat(connectedWith).containsExactly("https://carnet.example.fr|as.martin|demo");
        assertThat(remembered).containsExactly("https://carnet.example.fr|as.martin");
        assertThat(vm.passwordProperty().get()).isEmpty();
        assertThat(vm.connectionProperty().get()).isEqualTo("Connecté à carnet.example.fr en tant que as.martin");
    }

    @Test
    void aSuccessfulSyncSaysWhatItDidAndWhen() {
        List<String> synced = new ArrayList<>();
        vm.addSyncedListener(() -> synced.add("x"));
        gateway.onSync = p -> {
            p.progress("sync.phase.push", 12, 0);
            assertThat(vm.runningProperty().get()).isTrue();
            assertThat(vm.phaseProperty().get()).isEqualTo("Envoi des modifications");
            assertThat(vm.progressTextProperty().get()).isEqualTo("12 envoyés, 0 reçu");
            return new SyncResult(12, 40, 1, 1, List.of(),
                    List.of(new SyncResult.MergeNote("person", "p", List.of("phone"), null, null)));
        };
        signIn();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.resultProperty().get()).isEqualTo(
                "Synchronisation terminée : 12 envoyés, 40 reçus, 1 conflit. 1 fiche fusionnée automatiquement. 1 conflit attend votre choix.");
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.lastSyncProperty().get()).startsWith("Dernière synchronisation réussie : 26/11/2026 ");
        assertThat(synced).hasSize(1);
    }

    @Test
    void anUnreachableServerIsSaidInWordsAndKeepsTheSession() {
        gateway.onSync = p -> {
            throw new SyncException("sync.error.network", null);
        };
        signIn();
        assertThat(vm.errorProperty().get()).isEqualTo("Le serveur carnet.example.fr ne répond pas (pas de réseau, ou serveur arrêté). "
                + "Vos modifications restent sur ce poste ; Carnet réessaie tout seul dès que le serveur répond.");
        assertThat(vm.connectedProperty().get()).isTrue();
        assertThat(vm.autoSync().offline()).isTrue();
        assertThat(vm.headerProperty().get()).startsWith("Hors ligne · ");
    }

    @Test
    void aRefusedPasswordAsksForItAgainAndStopsAutomaticSync() {
        gateway.onSync = p -> {
            throw new SyncException("sync.error.auth", null);
        };
        signIn();
        assertThat(vm.errorProperty().get()).isEqualTo("Identifiant ou mot de passe refusé par le serveur. "
                + "Saisissez à nouveau votre mot de passe (il a peut-être changé, ou la session a expiré).");
        assertThat(vm.connectedProperty().get()).isFalse();
        assertThat(vm.syncNow()).isFalse();
        assertThat(vm.connectionProperty().get()).isEqualTo("Saisissez votre mot de passe pour synchroniser.");
    }

    @Test
    void cancelStopsAtTheNextStepAndSaysWhatIsKept() {
        gateway.onSync = p -> {
            p.progress("sync.phase.push", 0, 0);
            vm.cancel();
            p.progress("sync.phase.pull", 3, 0);
            throw new AssertionError("the sync should have stopped");
        };
        signIn();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.resultProperty().get()).startsWith("Synchronisation annulée. Ce qui a déjà été envoyé ou reçu est conservé");
    }

    @Test
    void anUnexpectedErrorNamesNoInternals() {
        gateway.onSync = p -> {
            throw new IllegalStateException("SQLITE_BUSY on table household");
        };
        signIn();
        assertThat(vm.errorProperty().get()).startsWith("La synchronisation s’est arrêtée sur une erreur inattendue.")
                .doesNotContain("SQLITE");
    }

    @Test
    void neverRunsTwoSyncsAtOnce() {
        gateway.onSync = p -> {
            assertThat(vm.syncNow()).isFalse();
            return new SyncResult(0, 0, 0, 0, List.of(), List.of());
        };
        signIn();
        assertThat(gateway.syncs).isEqualTo(1);
    }
}
