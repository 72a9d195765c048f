package fr.carnet.ui.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.sync.LocalConflict;
import fr.carnet.sync.SyncProgress;
import fr.carnet.sync.SyncResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A gateway whose answers the test decides. */
final class FakeGateway implements SyncGateway {
    Function<SyncProgress, SyncResult> onSync = p -> new SyncResult(0, 0, 0, 0, List.of(), List.of());
    boolean up = true;
    int syncs, probes;
    final List<LocalConflict> conflicts = new ArrayList<>();
    final List<SyncResult.MergeNote> merges = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    ObjectNode resolved;

    @Override
    public SyncResult sync(SyncProgress progress) {
        syncs++;
        return onSync.apply(progress);
    }

    @Override
    public boolean reachable() {
        probes++;
        return up;
    }

    @Override
    public List<LocalConflict> conflicts() {
        return List.copyOf(conflicts);
    }

    @Override
    public void keepMine(String id) {
        calls.add("mine:" + id);
        conflicts.removeIf(c -> c.id().equals(id));
    }

    @Override
    public void keepTheirs(String id) {
        calls.add("theirs:" + id);
        conflicts.removeIf(c -> c.id().equals(id));
    }

    @Override
    public void resolve(String id, ObjectNode chosen) {
        calls.add("resolve:" + id);
        resolved = chosen;
        conflicts.removeIf(c -> c.id().equals(id));
    }

    @Override
    public List<SyncResult.MergeNote> merges(int limit) {
        return List.copyOf(merges);
    }
}
