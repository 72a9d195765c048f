package fr.carnet.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.dataset.DemoStore;
import fr.carnet.dataset.SampleGenerator;
import fr.carnet.domain.Enums.Role;
import fr.carnet.domain.RecordType;
import fr.carnet.server.DemoData;
import fr.carnet.server.ServerConfig;
import fr.carnet.server.ServerDb;
import fr.carnet.server.SyncApi;
import fr.carnet.server.SyncServer;
import fr.carnet.store.Editor;
import fr.carnet.store.RecordRepository;
import fr.carnet.store.Store;
import fr.carnet.store.StoredRecord;
import fr.carnet.util.Json;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's five-minute walkthrough, end to end: the demo server on the sample data, two demo
 * stores on two "laptops" (as.martin and as.bernard), the same household edited on both.
 */
class DemoWalkthroughIT {
    @TempDir Path dir;

    @Test
    void twoDemoLaptopsSyncWithTheDemoServerMergeAndShowTheConflict() {
        Path sample = Path.of(System.getProperty("carnet.sampleData", "sample-data"));
        SyncApi api = new SyncApi(new ServerDb(ServerDb.sqliteUrl(dir.resolve("server.db"))),
                ServerConfig.defaults().withPasswordIterations(1000));
        DemoData.load(api, sample);
        SyncServer server = new SyncServer(api, ServerConfig.defaults());
        URI uri = URI.create("http://127.0.0.1:" + server.start("127.0.0.1", 0));
        Path fa = dir.resolve("martin/carnet-demo.db"), fb = dir.resolve("bernard/carnet-demo.db");
        DemoStore.ensure(fa, sample);
        DemoStore.ensure(fb, sample);
        try (Store a = Store.open(fa, DemoStore.PASSPHRASE.toCharArray()); Store b = Store.open(fb, DemoStore.PASSPHRASE.toCharArray())) {
            SyncEngine ea = new SyncEngine(a, new SyncClient(new HttpTransport(uri), "as.martin", "demo".toCharArray(), "Portable Claire"));
            SyncEngine eb = new SyncEngine(b, new SyncClient(new HttpTransport(uri), "as.bernard", "demo".toCharArray(), "Portable Julien"));
            SyncResult first = ea.sync(SyncProgress.NONE);
            assertThat(first.openConflicts()).isZero();
            assertThat(first.rejected()).isEmpty();
            eb.sync(SyncProgress.NONE);

            String nord = SampleGenerator.demoOrganisation().sectors().get(0).id();
            List<StoredRecord> households = a.read(ctx -> RecordRepository.findAll(ctx, RecordType.HOUSEHOLD,
                    DSL.field("sector_id", String.class).eq(nord)));
            assertThat(households).isNotEmpty();
            String hh = households.get(0).id();
            String martin = SampleGenerator.fixedId("worker:as.martin"), bernard = SampleGenerator.fixedId("worker:as.bernard");
            ObjectNode mine = Json.object().put("housing", "Locataire parc social, T3");
            mine.putObject("address").put("line1", "3 rue Pasteur").put("postcode", "59100").put("city", "Roubaix");
            new Editor(a, martin, Role.AS).update(RecordType.HOUSEHOLD, hh, mine);
            new Editor(b, bernard, Role.AS).update(RecordType.HOUSEHOLD, hh, Json.object().put("housing", "Hébergée chez sa sœur"));
            assertThat(ea.sync(SyncProgress.NONE).sent()).isEqualTo(1);
            SyncResult rb = eb.sync(SyncProgress.NONE);
            assertThat(rb.conflicts()).isEqualTo(1);
            List<LocalConflict> cs = eb.conflicts();
            assertThat(cs).hasSize(1);
            assertThat(cs.get(0).toString()).contains("housing");
            StoredRecord onB = b.read(ctx -> RecordRepository.find(ctx, RecordType.HOUSEHOLD, hh)).orElseThrow();
            assertThat(onB.get("address").get("line1").asText()).isEqualTo("3 rue Pasteur"); // merged automatically
            eb.keepMine(cs.get(0).id());
            eb.sync(SyncProgress.NONE);
            ea.sync(SyncProgress.NONE);
            StoredRecord onA = a.read(ctx -> RecordRepository.find(ctx, RecordType.HOUSEHOLD, hh)).orElseThrow();
            assertThat(onA.text("housing")).isEqualTo("Hébergée chez sa sœur");
            assertThat(onA.conflictId()).isNull();
        } finally {
            server.close();
        }
    }
}
