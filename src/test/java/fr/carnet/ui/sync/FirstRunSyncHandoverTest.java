package fr.carnet.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carnet.domain.Enums.Role;
import fr.carnet.i18n.Messages;
import fr.carnet.ui.DeskFixture;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first run's sync signs in once: the desk's own sync carries on with that session, no second password. */
class FirstRunSyncHandoverTest {
    @TempDir Path dir;
    DeskFixture f;
    FakeGateway gateway = new FakeGateway();
    int connects;

    @BeforeEach
    void setUp() {
        Messages.setLocale(Locale.FRANCE);
        f = new DeskFixture(dir, Role.AS);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    SyncViewModel vm(String url, String login) {
        return new SyncViewModel(f.ctx, (u, l, pw) -> {
            connects++;
            return gateway;
        }, Runnable::run, DeskFixture.CLOCK, url, login, (u, l) -> { });
    }

    @Test
    void theDeskResumesTheFirstRunSession() {
        SyncViewModel first = vm("https://carnet.example.fr", "as.martin");
        first.passwordProperty().set("secret");
        assertThat(first.connect()).isTrue();
        assertThat(gateway.syncs).isEqualTo(1);
        assertThat(first.session()).isSameAs(gateway);

        SyncViewModel desk = vm("https://carnet.example.fr", "as.martin");
        assertThat(desk.connectedProperty().get()).isFalse();
        desk.resume(first.session());
        assertThat(desk.connectedProperty().get()).isTrue();
        assertThat(desk.syncNow()).isTrue();
        assertThat(gateway.syncs).isEqualTo(2);
        assertThat(connects).isEqualTo(1);
    }

    @Test
    void nothingToResumeLeavesTheDeskSignedOut() {
        SyncViewModel desk = vm("https://carnet.example.fr", "as.martin");
        desk.resume(null);
        assertThat(desk.connectedProperty().get()).isFalse();
        assertThat(desk.syncNow()).isFalse();
    }
}
