package fr.carnet.server;

import fr.carnet.dataset.Dataset;
import fr.carnet.dataset.DatasetReader;
import fr.carnet.dataset.DatasetRecord;
import fr.carnet.dataset.Organisation;
import fr.carnet.domain.Enums.Role;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Loads the sample dataset ({@code organisation.json} and one {@code <type>.jsonl} per type,
 * each line {@code {"id", "fields"}}) and the demo accounts of SYNC.md into a server, every
 * account with the password {@code demo}. Only the {@code --demo} mode calls this.
 */
public final class DemoData {
    /** The demo accounts of SYNC.md. */
    public static final Set<String> ACCOUNTS = Set.of("as.martin", "as.bernard", "sms.garcia", "cesf.petit", "pue.robert", "chef.leroy", "admin");

    private DemoData() {}

    /** Loads {@code dir} into the server (checked first by the dataset reader); returns how many records were loaded. */
    public static int load(SyncApi api, Path dir) {
        Dataset ds = DatasetReader.read(dir);
        Admin admin = new Admin(api);
        for (Organisation.Sector s : ds.organisation().sectors()) admin.sector(s.id(), s.name(), s.territoryId());
        String adminId = null;
        for (Organisation.Worker w : ds.organisation().workers()) {
            char[] pw = ACCOUNTS.contains(w.login()) ? "demo".toCharArray() : null;
            admin.worker(w.id(), w.login(), w.displayName(), w.role(), w.sectorIds(), pw);
            if (w.role() == Role.ADMIN) adminId = w.id();
        }
        List<Admin.Seed> seeds = new ArrayList<>();
        for (DatasetRecord r : ds.records()) seeds.add(new Admin.Seed(r.type(), r.id(), r.fields()));
        return admin.load(seeds, adminId);
    }
}
