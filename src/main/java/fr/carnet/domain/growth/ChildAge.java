package fr.carnet.domain.growth;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A child's age on a given day, as WHO counts it: whole days since birth (the x of the
 * standards), and completed months and years (as said to parents and in the booklet).
 *
 * @param birthDate the date of birth
 * @param on        the date of the measurement or examination, not before the birth
 */
public record ChildAge(LocalDate birthDate, LocalDate on) {
    /** Days in an average month, WHO's conversion (365.25 / 12). */
    public static final double DAYS_PER_MONTH = 30.4375;
    /** WHO's switch from recumbent length to standing height: 731 days (24 months). */
    public static final int HEIGHT_FROM_DAYS = 731;

    public ChildAge {
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(on, "on");
        if (on.isBefore(birthDate)) throw new IllegalArgumentException("date before birth: " + on + " < " + birthDate);
    }

    /** The age of a child born on {@code birthDate}, on {@code on}. */
    public static ChildAge of(LocalDate birthDate, LocalDate on) {
        return new ChildAge(birthDate, on);
    }

    /** Whole days since birth (0 on the day of birth). */
    public int days() {
        return (int) ChronoUnit.DAYS.between(birthDate, on);
    }

    /** Completed calendar months (0 until the first monthly birthday). */
    public int completedMonths() {
        return (int) Period.between(birthDate, on).toTotalMonths();
    }

    /** Completed years. */
    public int completedYears() {
        return Period.between(birthDate, on).getYears();
    }

    /** Age in (fractional) months, days / 30.4375, the x of the charts. */
    public double months() {
        return days() / DAYS_PER_MONTH;
    }

    /** Whether WHO expects a recumbent length (under 731 days) rather than a standing height. */
    public boolean lengthExpected() {
        return days() < HEIGHT_FROM_DAYS;
    }
}
