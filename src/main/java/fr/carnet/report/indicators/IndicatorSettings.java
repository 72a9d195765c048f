package fr.carnet.report.indicators;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.Enums.Role;
import fr.carnet.store.StoreMeta;
import fr.carnet.util.Json;
import org.jooq.DSLContext;

/**
 * The reference figures the supervisor's indicators are compared with (PRODUCT.md, « What
 * supervisors watch »), and the thresholds of the follow-up alerts. They are references — norms
 * from one département's service offer — never quotas; each team may adjust them.
 *
 * @param accompanimentsPerFte  about 20 accompaniments per full-time AS or CESF
 * @param accompanimentShare    about 40 % of an AS's or CESF's time goes to accompaniment
 * @param receptionAs           reception-diagnosis, share of an AS's time (40–50 %)
 * @param receptionCesf         reception-diagnosis, share of a CESF's time (30–40 %)
 * @param receptionSms          reception-diagnosis, share of an SMS's time (100 %)
 * @param collectiveAs          collective action, share of an AS's time (10–20 %)
 * @param collectiveCesf        collective action, share of a CESF's time (20–30 %)
 * @param periodDays            the time split is computed over the contacts of the last N days
 * @param visitDueDays          a planned visit is « due » within the next N days
 * @param evaluationMonths      an active PIA with no co-evaluation for N months is flagged
 * @param contactWeeks          a household with no contact for N weeks is flagged
 */
public record IndicatorSettings(double accompanimentsPerFte, double accompanimentShare, Range receptionAs, Range receptionCesf,
                                Range receptionSms, Range collectiveAs, Range collectiveCesf, int periodDays, int visitDueDays,
                                int evaluationMonths, int contactWeeks) {
    /** Where the team's settings are kept in the store. */
    public static final String META_KEY = "report.indicators.settings";

    /** A range of shares of working time, 0..1. */
    public record Range(double low, double high) {
        /** Whether {@code v} lies inside the range. */
        public boolean contains(double v) {
            return v >= low - 1e-9 && v <= high + 1e-9;
        }
    }

    /** The figures of PRODUCT.md; 12 months of contacts, visits due within 7 days, 6 months, 8 weeks. */
    public static IndicatorSettings defaults() {
        return new IndicatorSettings(20, 0.40, new Range(0.40, 0.50), new Range(0.30, 0.40), new Range(1.0, 1.0),
                new Range(0.10, 0.20), new Range(0.20, 0.30), 365, 7, 6, 8);
    }

    /** The accompaniment reference of a worker: 20 × FTE for AS and CESF, none for other roles. */
    public Double accompanimentReference(Role role, double fte) {
        return role == Role.AS || role == Role.CESF ? accompanimentsPerFte * fte : null;
    }

    /** The reception-diagnosis reference range of a role, or null. */
    public Range reception(Role role) {
        return switch (role) {
            case AS -> receptionAs;
            case CESF -> receptionCesf;
            case SMS -> receptionSms;
            default -> null;
        };
    }

    /** The collective-action reference range of a role, or null. */
    public Range collective(Role role) {
        return switch (role) {
            case AS -> collectiveAs;
            case CESF -> collectiveCesf;
            default -> null;
        };
    }

    /** The settings saved in this store, or the defaults. */
    public static IndicatorSettings read(DSLContext ctx) {
        return StoreMeta.get(ctx, META_KEY).map(s -> {
            try {
                return Json.convert(Json.readObject(s), IndicatorSettings.class);
            } catch (RuntimeException e) {
                return defaults(); // settings from another version: fall back rather than fail the view
            }
        }).orElseGet(IndicatorSettings::defaults);
    }

    /** Saves the settings in this store (inside the caller's write transaction). */
    public void write(DSLContext ctx) {
        ObjectNode n = Json.toObject(this);
        StoreMeta.put(ctx, META_KEY, Json.write(n));
    }
}
