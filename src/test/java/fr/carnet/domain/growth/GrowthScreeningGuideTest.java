package fr.carnet.domain.growth;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carnet.domain.Enums.ScreeningArea;
import fr.carnet.i18n.Messages;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class GrowthScreeningGuideTest {
    @ParameterizedTest(name = "{0} days -> {1}")
    @CsvSource({"8, DAY_8", "40, MONTH_1", "125, MONTH_4", "280, MONTH_9", "730, MONTH_24", "1300, YEARS_3_4", "2200, NONE"})
    void stageByAge(int days, String stage) {
        ChildAge age = ChildAge.of(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 1).plusDays(days));
        assertThat(ScreeningGuide.stageFor(age).map(Enum::name).orElse("NONE")).isEqualTo(stage);
    }

    @Test
    void everyItemHasItsTextsInFrenchAndEnglish() {
        assertThat(ScreeningGuide.all()).hasSizeGreaterThan(30);
        for (ScreeningGuide.Item i : ScreeningGuide.all()) {
            for (Locale l : new Locale[] {Locale.FRENCH, Locale.ENGLISH}) {
                assertThat(Messages.get(l, i.key())).doesNotStartWith("!");
                assertThat(Messages.get(l, i.areaKey())).doesNotStartWith("!");
                assertThat(Messages.get(l, i.stage().labelKey())).doesNotStartWith("!");
            }
        }
        assertThat(ScreeningGuide.item(ScreeningGuide.Stage.MONTH_24, ScreeningArea.LANGUAGE)).isPresent();
        assertThat(ScreeningGuide.item(ScreeningGuide.Stage.DAY_8, ScreeningArea.LANGUAGE)).isEmpty();
    }
}
