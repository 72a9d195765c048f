package fr.carnet.ui.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.carnet.i18n.Messages;
import fr.carnet.server.LocalDemoServer;
import fr.carnet.server.ServerConfig;
import fr.carnet.ui.common.Async;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local demo server's ViewModel without the toolkit, on a real server: start, point the sync, fail clearly, stop. */
class DemoServerViewModelTest {
    @TempDir Path dir;
    static final Path SAMPLE = Path.of(System.getProperty("carnet.sampleData", "sample-data"));
    final List<String> pointed = new ArrayList<>();

    DemoServerViewModel.Starter real(Path sample) {
        return () -> {
            LocalDemoServer s = LocalDemoServer.start(dir.resolve("carnet-demo-server.db"), sample,
                    ServerConfig.defaults().withPasswordIterations(1000));
            return new DemoServerViewModel.Handle() {
                @Override
                public String url() {
                    return s.url();
                }

                @Override
                public void close() {
                    s.close();
                }
            };
        };
    }

    DemoServerViewModel vm(DemoServerViewModel.Starter starter) {
        return new DemoServerViewModel(starter, Async.direct(), "as.martin", (url, login) -> pointed.add(url + " " + login));
    }

    static int health(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/api/v1/health")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void startingRunsTheServerShowsItsAddressAndPointsTheSyncAtIt() throws Exception {
        DemoServerViewModel vm = vm(real(SAMPLE));
        assertThat(vm.stateProperty().get()).isEqualTo(DemoServerViewModel.State.STOPPED);
        assertThat(vm.accounts()).startsWith("as.martin", "as.bernard").contains("chef.leroy", "admin");
        assertThat(vm.password()).isEqualTo("demo");
        vm.start();
        assertThat(vm.stateProperty().get()).isEqualTo(DemoServerViewModel.State.RUNNING);
        String url = vm.urlProperty().get();
        assertThat(url).startsWith("http://127.0.0.1:");
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(pointed).containsExactly(url + " as.martin");
        assertThat(health(url)).isEqualTo(200);

        vm.start(); // already running: nothing more
        assertThat(pointed).hasSize(1);

        vm.dispose();
        assertThat(vm.stateProperty().get()).isEqualTo(DemoServerViewModel.State.STOPPED);
        assertThatThrownBy(() -> health(url)).isInstanceOf(java.io.IOException.class);
        vm.start(); // the desk is closing: no new server
        assertThat(vm.stateProperty().get()).isEqualTo(DemoServerViewModel.State.STOPPED);
    }

    @Test
    void aFailedStartSaysSoPointsNothingAndCanBeRetried() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        DemoServerViewModel.Starter missingThenThere = () -> attempts.incrementAndGet() == 1
                ? real(dir.resolve("no-sample-data")).start() : real(SAMPLE).start();
        DemoServerViewModel vm = vm(missingThenThere);
        vm.start();
        assertThat(vm.stateProperty().get()).isEqualTo(DemoServerViewModel.State.FAILED);
        assertThat(vm.errorProperty().get()).isEqualTo(Messages.get("desk.demoServer.failed"));
        assertThat(vm.urlProperty().get()).isEmpty();
        assertThat(pointed).isEmpty();

        vm.start();
        assertThat(vm.stateProperty().get()).isEqualTo(DemoServerViewModel.State.RUNNING);
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(health(vm.urlProperty().get())).isEqualTo(200);
        assertThat(pointed).hasSize(1);
        vm.dispose();
    }

    @Test
    void aServerThatFinishesStartingAfterTheDeskClosedIsStoppedAtOnce() {
        List<String> closed = new ArrayList<>();
        DemoServerViewModel[] holder = new DemoServerViewModel[1];
        holder[0] = vm(() -> {
            holder[0].dispose(); // the window closes while the server is still starting
            return new DemoServerViewModel.Handle() {
                @Override
                public String url() {
                    return "http://127.0.0.1:1";
                }

                @Override
                public void close() {
                    closed.add("closed");
                }
            };
        });
        holder[0].start();
        assertThat(closed).containsExactly("closed");
        assertThat(pointed).isEmpty();
        assertThat(holder[0].running()).isFalse();
    }
}
