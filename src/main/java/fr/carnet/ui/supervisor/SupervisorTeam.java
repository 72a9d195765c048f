package fr.carnet.ui.supervisor;

import static fr.carnet.store.generated.Tables.SECTOR;
import static fr.carnet.store.generated.Tables.WORKER;

import com.fasterxml.jackson.databind.JsonNode;
import fr.carnet.report.indicators.IndicatorService;
import fr.carnet.report.indicators.IndicatorSettings;
import fr.carnet.report.indicators.TeamIndicators;
import fr.carnet.store.Store;
import fr.carnet.util.Json;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the supervisor's screen reads and writes, behind an interface so the ViewModel can be
 * tested with or without a store. Every method does I/O: call them off the FX thread.
 */
public interface SupervisorTeam {
    /** One sector the supervisor supervises. */
    record Sector(String id, String name) {}

    /** The sectors of the supervisor (from the workers table), by name; empty when unknown. */
    List<Sector> sectors();

    /** The references saved on this laptop, or the defaults. */
    IndicatorSettings settings();

    /** Saves the references on this laptop. */
    void save(IndicatorSettings settings);

    /** The indicators of the workers of these sectors; null or empty means every worker the store knows. */
    TeamIndicators compute(Collection<String> sectorIds, IndicatorSettings settings);

    /** The team as the laptop's store knows it, seen by the worker {@code supervisorId}. */
    static SupervisorTeam of(Store store, String supervisorId, Supplier<LocalDate> today) {
        return new SupervisorTeam() {
            @Override
            public List<Sector> sectors() {
                return store.read(ctx -> {
                    String json = ctx.select(WORKER.SECTOR_IDS).from(WORKER).where(WORKER.ID.eq(supervisorId)).fetchOne(WORKER.SECTOR_IDS);
                    Set<String> ids = new LinkedHashSet<>();
                    if (json != null) for (JsonNode n : Json.read(json)) ids.add(n.asText());
                    if (ids.isEmpty()) return List.<Sector>of();
                    Map<String, String> names = new HashMap<>();
                    ctx.select(SECTOR.ID, SECTOR.NAME).from(SECTOR).where(SECTOR.ID.in(ids)).fetch().forEach(r -> names.put(r.value1(), r.value2()));
                    List<Sector> out = new ArrayList<>();
                    for (String id : ids) out.add(new Sector(id, names.getOrDefault(id, id)));
                    out.sort(java.util.Comparator.comparing(Sector::name, java.text.Collator.getInstance(java.util.Locale.FRENCH)));
                    return out;
                });
            }

            @Override
            public IndicatorSettings settings() {
                return store.read(IndicatorSettings::read);
            }

            @Override
            public void save(IndicatorSettings settings) {
                store.write(ctx -> {
                    settings.write(ctx);
                    return null;
                });
            }

            @Override
            public TeamIndicators compute(Collection<String> sectorIds, IndicatorSettings settings) {
                return store.read(ctx -> IndicatorService.compute(ctx, sectorIds, today.get(), settings));
            }
        };
    }
}
