package fr.carnet.ui.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carnet.i18n.Messages;
import fr.carnet.server.ServerDb;
import fr.carnet.server.SyncApi;
import fr.carnet.server.SyncServer;
import fr.carnet.store.KeyParams;
import fr.carnet.store.Store;
import fr.carnet.store.TestStores;
import fr.carnet.sync.SyncFixture;
import fr.carnet.ui.MutableClock;
import fr.carnet.ui.common.Async;
import fr.carnet.ui.firstrun.FirstRunViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * « Phrase de passe oubliée ? » without the toolkit, against a real server on a free port and a
 * real encrypted store: nothing moves until the server accepts the login; then the old store is
 * set aside, complete and still openable with the old passphrase.
 */
class RecoveryViewModelTest {
    @TempDir Path dir;
    SyncServer server;
    String url;
    Path store;
    final MutableClock clock = MutableClock.paris();
    final List<String> events = new ArrayList<>();
    final List<FirstRunViewModel.ServerChoice> choices = new ArrayList<>();
    final List<Path> asides = new ArrayList<>();

    @BeforeEach
    void start() {
        Messages.setLocale(Locale.FRANCE);
        SyncApi api = new SyncApi(new ServerDb(ServerDb.sqliteUrl(dir.resolve("server.db"))), SyncFixture.config());
        SyncFixture.load(api, 1, 2);
        server = new SyncServer(api, SyncFixture.config());
        url = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
        store = dir.resolve("data").resolve("carnet.db");
        TestStores.fresh(store).close();
    }

    @AfterEach
    void stop() {
        server.close();
        server.api().db().close();
    }

    RecoveryViewModel vm() {
        return new RecoveryViewModel(store, url, "as.martin", RecoveryViewModel.LoginCheck.HTTP, Async.direct(), clock,
                new RecoveryViewModel.Listener() {
                    @Override
                    public void cancelled() {
                        events.add("cancelled");
                    }

                    @Override
                    public void recovered(FirstRunViewModel.ServerChoice choice, Path aside) {
                        choices.add(choice);
                        asides.add(aside);
                    }
                });
    }

    @Test
    void theExplanationMustBeAcknowledgedAndBackReturnsToTheUnlockScreen() {
        RecoveryViewModel vm = vm();
        assertThat(vm.stepProperty().get()).isEqualTo(RecoveryViewModel.Step.EXPLAIN);
        assertThat(vm.canContinueProperty().get()).isFalse();
        vm.proceed();
        assertThat(vm.stepProperty().get()).isEqualTo(RecoveryViewModel.Step.EXPLAIN);
        vm.understoodProperty().set(true);
        vm.proceed();
        assertThat(vm.stepProperty().get()).isEqualTo(RecoveryViewModel.Step.SERVER);
        assertThat(vm.serverUrlProperty().get()).isEqualTo(url);
        assertThat(vm.loginProperty().get()).isEqualTo("as.martin");
        vm.back();
        assertThat(vm.stepProperty().get()).isEqualTo(RecoveryViewModel.Step.EXPLAIN);
        vm.back();
        assertThat(events).containsExactly("cancelled");
        assertThat(Store.exists(store)).isTrue();
    }

    @Test
    void aRefusedOrUnreachableLoginMovesNothingAndSaysWhyUnderTheForm() throws Exception {
        RecoveryViewModel vm = vm();
        vm.understoodProperty().set(true);
        vm.proceed();
        vm.passwordProperty().set("");
        assertThat(vm.submit()).isFalse();
        assertThat(vm.errorProperty().get()).isEqualTo(Messages.get("sync.ui.error.password"));

        vm.passwordProperty().set("pas le bon");
        assertThat(vm.submit()).isTrue();
        assertThat(vm.stepProperty().get()).isEqualTo(RecoveryViewModel.Step.SERVER);
        assertThat(vm.errorProperty().get()).isEqualTo("Identifiant ou mot de passe refusé par le serveur.");
        assertThat(vm.passwordProperty().get()).isEmpty();

        vm.serverUrlProperty().set("http://127.0.0.1:9");
        vm.passwordProperty().set("demo");
        vm.submit();
        assertThat(vm.errorProperty().get()).contains("127.0.0.1");

        assertThat(Store.exists(store)).isTrue();
        assertThat(choices).isEmpty();
        try (var files = Files.list(store.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("aside"));
        }
    }

    @Test
    void anAcceptedLoginSetsTheOldStoreAsideStillEncryptedAndHandsOverToTheFirstRunPath() {
        RecoveryViewModel vm = vm();
        vm.understoodProperty().set(true);
        vm.proceed();
        vm.passwordProperty().set("demo");
        assertThat(vm.submit()).isTrue();

        assertThat(choices).singleElement().satisfies(c -> {
            assertThat(c.url()).isEqualTo(url);
            assertThat(c.login()).isEqualTo("as.martin");
            assertThat(new String(c.password())).isEqualTo("demo");
        });
        Path aside = asides.get(0);
        assertThat(aside.getFileName().toString()).isEqualTo("carnet-aside-20261126-100000.db");
        // The place is free for a first start; the old store is whole beside it and opens with the old passphrase only.
        assertThat(Store.exists(store)).isFalse();
        assertThat(Files.exists(KeyParams.fileFor(aside))).isTrue();
        try (Store old = Store.open(aside, TestStores.PASSPHRASE)) {
            int journal = old.read(ctx -> ctx.fetchCount(fr.carnet.store.generated.Tables.CHANGE_JOURNAL));
            assertThat(journal).isZero();
        }
        assertThat(Store.exists(aside)).isTrue();

        // A second recovery the same second does not overwrite the first one.
        TestStores.fresh(store).close();
        RecoveryViewModel again = vm();
        again.understoodProperty().set(true);
        again.proceed();
        again.passwordProperty().set("demo");
        again.submit();
        assertThat(asides.get(1).getFileName().toString()).isEqualTo("carnet-aside-20261126-100000-2.db");
        assertThat(Store.exists(aside)).isTrue();
    }

    @Test
    void aRevokedAccountIsToldSoAndNothingMoves() throws Exception {
        int n = server.api().db().tx(ctx -> ctx.execute("UPDATE srv_worker SET active = 0 WHERE login = 'as.martin'"));
        assertThat(n).isEqualTo(1);
        RecoveryViewModel vm = vm();
        vm.understoodProperty().set(true);
        vm.proceed();
        vm.passwordProperty().set("demo");
        vm.submit();
        assertThat(vm.errorProperty().get()).isEqualTo(Messages.get("security.recovery.revoked"));
        assertThat(Store.exists(store)).isTrue();
    }
}
