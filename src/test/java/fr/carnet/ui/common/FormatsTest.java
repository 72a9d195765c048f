package fr.carnet.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FormatsTest {
    final Formats fr = new Formats(Formats.Region.FR);
    final Formats ch = new Formats(Formats.Region.CH);

    @Test
    void frenchAmountsUseNarrowNoBreakSpaceAndComma() {
        assertThat(fr.money(123_456_78)).isEqualTo("123\u202F456,78\u00A0€");
        assertThat(fr.integer(1_234_567)).isEqualTo("1\u202F234\u202F567");
    }

    @Test
    void swissAmountsUseADecimalPoint() {
        assertThat(ch.money(123_456_78)).isEqualTo("123\u202F456.78\u00A0CHF");
    }

    @Test
    void swissShortDatesHaveATwoDigitYear() {
        assertThat(ch.date(LocalDate.of(2026, 3, 14))).isEqualTo("14.03.26");
        assertThat(fr.date(LocalDate.of(2026, 3, 14))).isEqualTo("14/03/2026");
    }

    @Test
    void parsingAcceptsAnyKindOfSpaceAndRejectsPartialInput() {
        assertThat(fr.parseMoney("1 234,50")).contains(123_450L);
        assertThat(fr.parseMoney("1\u202F234,5 €")).contains(123_450L);
        assertThat(fr.parseMoney("1\u00A0234")).contains(123_400L);
        assertThat(ch.parseMoney("1 234.50 CHF")).contains(123_450L);
        assertThat(fr.parseMoney("12abc")).isEmpty();
        assertThat(fr.parseMoney("12,345")).isEmpty();
        assertThat(fr.parseInteger("45 min")).isEmpty();
        assertThat(fr.parseDate("31/02/2026")).isEmpty();
        assertThat(fr.parseDate("14/03/2026x")).isEmpty();
        assertThat(fr.parseDate("1/3/2026")).contains(LocalDate.of(2026, 3, 1));
        assertThat(ch.parseDate("14.03.26")).contains(LocalDate.of(2026, 3, 14));
    }

    @Test
    void agesAreInMonthsUnderTwo() {
        LocalDate today = LocalDate.of(2026, 11, 26);
        assertThat(Formats.age(LocalDate.of(2026, 3, 1), today)).isEqualTo("8 mois");
        assertThat(Formats.age(LocalDate.of(2020, 1, 1), today)).isEqualTo("6 ans");
    }
}
