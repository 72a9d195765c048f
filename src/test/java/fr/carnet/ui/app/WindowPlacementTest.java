package fr.carnet.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carnet.ui.app.WindowPlacement.Area;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where the window opens: the saved place when a screen still shows it, else fitted to the main screen. */
class WindowPlacementTest {
    private static final Area FULL_HD = new Area(0, 0, 1920, 1040);
    /** A 1366×768 laptop with a 40 px task bar. */
    private static final Area SMALL_LAPTOP = new Area(0, 0, 1366, 728);

    @Test
    void aFirstStartTakesThePreferredSizeCentredWhenTheScreenHasRoom() {
        WindowPlacement p = WindowPlacement.choose(null, List.of(FULL_HD));
        assertThat(p).isEqualTo(new WindowPlacement(360, 120, 1200, 800, false));
    }

    @Test
    void aFirstStartOnASmallLaptopFitsTheScreenInsteadOfRunningUnderTheTaskBar() {
        WindowPlacement p = WindowPlacement.choose(null, List.of(SMALL_LAPTOP));
        assertThat(p.width()).isEqualTo(1200);
        assertThat(p.height()).isEqualTo(655); // 90 % of 728
        assertThat(p.y() + p.height()).isLessThanOrEqualTo(728);
        assertThat(p.x()).isEqualTo(83);
    }

    @Test
    void theMinimumSizeHoldsUnlessTheScreenItselfIsSmaller() {
        assertThat(WindowPlacement.choose(null, List.of(new Area(0, 0, 860, 600))))
                .isEqualTo(new WindowPlacement(30, 20, 800, 560, false));
        assertThat(WindowPlacement.choose(null, List.of(new Area(0, 0, 640, 480))))
                .isEqualTo(new WindowPlacement(0, 0, 640, 480, false));
    }

    @Test
    void theSavedPlaceComesBackWhenAScreenStillShowsItsTitleBar() {
        WindowPlacement saved = new WindowPlacement(-1700, 100, 1000, 700, false);
        Area left = new Area(-1920, 0, 1920, 1040);
        assertThat(WindowPlacement.choose(saved, List.of(FULL_HD, left))).isEqualTo(saved);
    }

    @Test
    void aWindowLeftOnAScreenThatIsGoneOpensOnTheMainScreenKeepingItsMaximisedState() {
        // saved on the docking station's screen, on the left; the laptop alone now
        WindowPlacement saved = new WindowPlacement(-1700, 100, 1000, 700, true);
        WindowPlacement p = WindowPlacement.choose(saved, List.of(SMALL_LAPTOP));
        assertThat(p.x()).isGreaterThanOrEqualTo(0);
        assertThat(p.width()).isEqualTo(1200);
        assertThat(p.maximized()).isTrue();
    }

    @Test
    void aWindowSnappedToTheScreensEdgeComesBackWhereItWas() {
        // Windows puts a snapped window a few pixels over the edge (its invisible borders)
        WindowPlacement saved = new WindowPlacement(-7, 0, 968, 1047, false);
        assertThat(WindowPlacement.choose(saved, List.of(new Area(0, 0, 1920, 1040))).x()).isEqualTo(-7);
        // but a title bar mostly off every screen does not
        WindowPlacement away = new WindowPlacement(-100, 0, 968, 700, false);
        assertThat(WindowPlacement.choose(away, List.of(new Area(0, 0, 1920, 1040))).x()).isEqualTo(360);
    }

    @Test
    void aSavedWindowLargerThanItsScreenIsShrunkAndKeptOnIt() {
        WindowPlacement saved = new WindowPlacement(300, 50, 1800, 1000, false);
        WindowPlacement p = WindowPlacement.choose(saved, List.of(SMALL_LAPTOP));
        assertThat(p).isEqualTo(new WindowPlacement(0, 0, 1366, 728, false));
    }

    @Test
    void noScreenAtAllGivesThePreferredSizeAndLetsTheSystemPlaceIt() {
        WindowPlacement p = WindowPlacement.choose(null, List.of());
        assertThat(p.width()).isEqualTo(1200);
        assertThat(Double.isNaN(p.x())).isTrue();
    }
}
