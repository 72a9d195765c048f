package fr.carnet.dataset;

import fr.carnet.dataset.Organisation.Worker;
import fr.carnet.platform.AppDirs;
import fr.carnet.store.Store;
import fr.carnet.store.StoreMeta;
import java.nio.file.Path;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "try with sample data" store: the fictional sample dataset in a local encrypted store,
 * owned by the demo social worker {@code as.martin}, unlocked with the documented demo passphrase.
 */
public final class DemoStore {
    private static final Logger LOG = LoggerFactory.getLogger(DemoStore.class);
    /** Documented in the README; a real store's passphrase is chosen by its worker. */
    public static final String PASSPHRASE = "carnet-demo-2026";
    public static final String DEMO_LOGIN = "as.martin";

    private DemoStore() {}

    public static Path defaultFile() {
        return AppDirs.data().resolve("demo").resolve("carnet-demo.db");
    }

    /** The sample-data folder: {@code -Dcarnet.sampleData}, else ./sample-data. */
    public static Path sampleDataDir() {
        return Path.of(System.getProperty("carnet.sampleData", "sample-data"));
    }

    /** Creates the demo store at {@code file} from {@code sampleDir} if it does not exist yet. */
    public static void ensure(Path file, Path sampleDir) {
        if (Store.exists(file)) return;
        LOG.info("Creating the demo store from the sample data");
        Dataset ds = DatasetReader.read(sampleDir);
        Worker owner = ds.organisation().workers().stream().filter(w -> w.login().equals(DEMO_LOGIN)).findFirst()
                .orElseThrow(() -> new IllegalStateException("sample data has no " + DEMO_LOGIN));
        try (Store store = Store.create(file, PASSPHRASE.toCharArray())) {
            Importer.importDataset(store, ds, Importer.Origin.REFERENCE, null);
            store.write(ctx -> {
                StoreMeta.put(ctx, StoreMeta.OWNER_ID, owner.id());
                StoreMeta.put(ctx, StoreMeta.OWNER_LOGIN, owner.login());
                StoreMeta.put(ctx, StoreMeta.OWNER_ROLE, owner.role().name());
                StoreMeta.put(ctx, StoreMeta.DEVICE_ID, UUID.randomUUID().toString());
                return null;
            });
        }
    }
}
