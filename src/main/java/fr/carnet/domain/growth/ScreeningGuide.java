package fr.carnet.domain.growth;

import fr.carnet.domain.Enums.ScreeningArea;
import fr.carnet.i18n.Messages;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What to watch, by age and area, at the stages of the French health booklet (carnet de santé)
 * and its compulsory examinations with a health certificate (8th day, 9th and 24th month), and
 * the 3–4-year check-up at nursery school (bilan de santé en école maternelle). Texts are in the
 * bundle under {@code growth.screening.<STAGE>.<AREA>}; the desk offers them beside the
 * {@code screening} record's area and result.
 */
public final class ScreeningGuide {
    /**
     * An examination stage, with the window of completed months it serves:
     * {@code fromMonths ≤ age < untilMonths}.
     */
    public enum Stage {
        DAY_8(0, 1, EnumSet.of(ScreeningArea.VISION, ScreeningArea.HEARING, ScreeningArea.MOTOR, ScreeningArea.FEEDING, ScreeningArea.SLEEP, ScreeningArea.BEHAVIOUR)),
        MONTH_1(1, 3, EnumSet.of(ScreeningArea.VISION, ScreeningArea.HEARING, ScreeningArea.MOTOR, ScreeningArea.FEEDING, ScreeningArea.SLEEP, ScreeningArea.BEHAVIOUR)),
        MONTH_4(3, 7, EnumSet.of(ScreeningArea.VISION, ScreeningArea.HEARING, ScreeningArea.LANGUAGE, ScreeningArea.MOTOR, ScreeningArea.FEEDING, ScreeningArea.BEHAVIOUR)),
        MONTH_9(7, 16, EnumSet.allOf(ScreeningArea.class)),
        MONTH_24(16, 36, EnumSet.allOf(ScreeningArea.class)),
        YEARS_3_4(36, 72, EnumSet.allOf(ScreeningArea.class));

        private final int fromMonths;
        private final int untilMonths;
        private final Set<ScreeningArea> areas;

        Stage(int fromMonths, int untilMonths, Set<ScreeningArea> areas) {
            this.fromMonths = fromMonths;
            this.untilMonths = untilMonths;
            this.areas = areas;
        }

        /** First completed month this stage serves. */
        public int fromMonths() {
            return fromMonths;
        }

        /** First completed month it no longer serves. */
        public int untilMonths() {
            return untilMonths;
        }

        /** The bundle key of the stage's name. */
        public String labelKey() {
            return "growth.screening.stage." + name();
        }

        /** The stage's name in the current locale. */
        public String label() {
            return Messages.get(labelKey());
        }
    }

    /**
     * One thing to watch.
     *
     * @param stage the examination stage
     * @param area  the screening area
     */
    public record Item(Stage stage, ScreeningArea area) {
        /** The bundle key of the text. */
        public String key() {
            return "growth.screening." + stage.name() + "." + area.name();
        }

        /** The text in the current locale. */
        public String text() {
            return Messages.get(key());
        }

        /** The bundle key of the area's name. */
        public String areaKey() {
            return "growth.screening.area." + area.name();
        }
    }

    private ScreeningGuide() {}

    /** The stage serving a child of {@code age}; empty from 6 years on. */
    public static Optional<Stage> stageFor(ChildAge age) {
        int m = age.completedMonths();
        for (Stage s : Stage.values()) {
            if (m >= s.fromMonths && m < s.untilMonths) return Optional.of(s);
        }
        return Optional.empty();
    }

    /** The items of one stage, in area order. */
    public static List<Item> items(Stage stage) {
        List<Item> out = new ArrayList<>();
        for (ScreeningArea a : ScreeningArea.values()) {
            if (stage.areas.contains(a)) out.add(new Item(stage, a));
        }
        return out;
    }

    /** What to watch for a child of {@code age} (empty from 6 years on). */
    public static List<Item> itemsFor(ChildAge age) {
        return stageFor(age).map(ScreeningGuide::items).orElse(List.of());
    }

    /** The item for one area at one stage, if that stage has one. */
    public static Optional<Item> item(Stage stage, ScreeningArea area) {
        return stage.areas.contains(area) ? Optional.of(new Item(stage, area)) : Optional.empty();
    }

    /** Every item of every stage (the whole table). */
    public static List<Item> all() {
        List<Item> out = new ArrayList<>();
        for (Stage s : Stage.values()) out.addAll(items(s));
        return out;
    }
}
