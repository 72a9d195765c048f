package fr.carnet.ui.firstrun;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carnet.dataset.DemoStore;
import fr.carnet.i18n.Messages;
import fr.carnet.store.Store;
import fr.carnet.ui.common.Async;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first-run choice without the toolkit: which path, the server form's checks, the demo store prepared. */
class FirstRunViewModelTest {
    @TempDir Path dir;

    final List<Path> demos = new ArrayList<>();
    final List<FirstRunViewModel.ServerChoice> servers = new ArrayList<>();
    final FirstRunViewModel.Listener listener = new FirstRunViewModel.Listener() {
        @Override
        public void demoReady(Path demoFile) {
            demos.add(demoFile);
        }

        @Override
        public void serverChosen(FirstRunViewModel.ServerChoice choice) {
            servers.add(choice);
        }
    };

    FirstRunViewModel vm(FirstRunViewModel.DemoPreparer preparer) {
        return new FirstRunViewModel(dir.resolve("demo").resolve("carnet-demo.db"), preparer, Async.direct(), "", "", listener);
    }

    @Test
    void startsOnTheTwoChoicesAndTheServerChoiceShowsTheForm() {
        FirstRunViewModel vm = vm(f -> { throw new AssertionError("no demo"); });
        assertThat(vm.stepProperty().get()).isEqualTo(FirstRunViewModel.Step.CHOOSE);
        vm.chooseServer();
        assertThat(vm.stepProperty().get()).isEqualTo(FirstRunViewModel.Step.SERVER);
        vm.back();
        assertThat(vm.stepProperty().get()).isEqualTo(FirstRunViewModel.Step.CHOOSE);
        assertThat(demos).isEmpty();
        assertThat(servers).isEmpty();
    }

    @Test
    void theServerFormChecksTheAddressTheLoginAndThePassword() {
        FirstRunViewModel vm = vm(f -> { });
        vm.chooseServer();
        vm.serverUrlProperty().set("carnet.example.fr");
        vm.loginProperty().set("as.martin");
        vm.passwordProperty().set("secret");
        assertThat(vm.submitServer()).isFalse();
        assertThat(vm.errorProperty().get()).isEqualTo(Messages.get("sync.ui.error.url"));

        vm.serverUrlProperty().set("ftp://carnet.example.fr");
        assertThat(vm.submitServer()).isFalse();
        assertThat(vm.errorProperty().get()).isEqualTo(Messages.get("sync.ui.error.url"));

        vm.serverUrlProperty().set(" https://carnet.example.fr ");
        vm.loginProperty().set("  ");
        assertThat(vm.submitServer()).isFalse();
        assertThat(vm.errorProperty().get()).isEqualTo(Messages.get("sync.ui.error.login"));

        vm.loginProperty().set(" as.martin ");
        vm.passwordProperty().set("");
        assertThat(vm.submitServer()).isFalse();
        assertThat(vm.errorProperty().get()).isEqualTo(Messages.get("sync.ui.error.password"));
        assertThat(servers).isEmpty();

        vm.passwordProperty().set("secret");
        assertThat(vm.submitServer()).isTrue();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(servers).hasSize(1);
        FirstRunViewModel.ServerChoice c = servers.get(0);
        assertThat(c.url()).isEqualTo("https://carnet.example.fr");
        assertThat(c.login()).isEqualTo("as.martin");
        assertThat(c.password()).containsExactly('s', 'e', 'c', 'r', 'e', 't');
        // The password is not kept by the form once handed on.
        assertThat(vm.passwordProperty().get()).isEmpty();
        assertThat(demos).isEmpty();
    }

    @Test
    void theDemoChoiceCreatesTheDemoStoreAndOpensIt() {
        FirstRunViewModel vm = vm(FirstRunViewModel.DemoPreparer.STANDARD);
        Path file = dir.resolve("demo").resolve("carnet-demo.db");
        assertThat(Store.exists(file)).isFalse();
        vm.chooseDemo();
        // Ready: the local demo server is offered before the store opens.
        assertThat(vm.stepProperty().get()).isEqualTo(FirstRunViewModel.Step.DEMO_READY);
        assertThat(demos).isEmpty();
        assertThat(Store.exists(file)).isTrue();
        vm.openDemo();
        assertThat(demos).containsExactly(file);
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(servers).isEmpty();
        try (Store s = Store.open(file, DemoStore.PASSPHRASE.toCharArray())) {
            assertThat(s).isNotNull();
        }
    }

    @Test
    void aFailedDemoSaysSoAndGoesBackToTheChoices() {
        FirstRunViewModel vm = vm(f -> { throw new IllegalStateException("no sample data"); });
        vm.chooseDemo();
        vm.openDemo(); // nothing to open
        assertThat(demos).isEmpty();
        assertThat(vm.stepProperty().get()).isEqualTo(FirstRunViewModel.Step.CHOOSE);
        assertThat(vm.errorProperty().get()).isEqualTo(Messages.get("desk.demo.failed"));
        assertThat(vm.busyProperty().get()).isFalse();
    }
}
