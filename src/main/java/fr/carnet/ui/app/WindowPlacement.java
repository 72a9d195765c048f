package fr.carnet.ui.app;

import java.util.List;

/**
 * Where the desk's window opens: where the worker left it, if that place is still on one of the
 * screens (a laptop taken off its docking station loses the big screen); otherwise a size that fits
 * the main screen (a 1366×768 laptop, common in social services, is shorter than the preferred
 * 1200×800 once the task bar is counted), centred on it. Pure logic: the screens' usable areas come
 * in, the window's bounds come out.
 */
record WindowPlacement(double x, double y, double width, double height, boolean maximized) {
    static final double PREFERRED_WIDTH = 1200, PREFERRED_HEIGHT = 800;
    /** The stage's minimum size (smaller, the caseload's columns and the forms no longer fit). */
    static final double MIN_WIDTH = 800, MIN_HEIGHT = 560;
    /** The share of the screen a first window takes at most (room left around it, as on any desktop). */
    static final double SCREEN_SHARE = 0.9;
    /** The saved title bar's left part: at least half of it must be on a screen for the window to go back there. */
    static final double GRIP_WIDTH = 120, GRIP_HEIGHT = 32;

    /** A screen's usable area (without the task bar or the menu bar). */
    record Area(double x, double y, double width, double height) {
        /**
         * Whether at least half of this rectangle (both ways) is on the area: a window snapped to a
         * screen's edge sits a few pixels over it (Windows' invisible borders), one across two
         * screens is on both.
         */
        boolean shows(double px, double py, double w, double h) {
            double across = Math.min(px + w, x + width) - Math.max(px, x), down = Math.min(py + h, y + height) - Math.max(py, y);
            return across >= w / 2 && down >= h / 2;
        }
    }

    /** The saved place, or null; screens.get(0) is the primary screen. */
    static WindowPlacement choose(WindowPlacement saved, List<Area> screens) {
        if (screens.isEmpty()) return new WindowPlacement(Double.NaN, Double.NaN, PREFERRED_WIDTH, PREFERRED_HEIGHT, false);
        if (saved != null && saved.width() > 0 && saved.height() > 0) {
            for (Area a : screens) {
                // the title bar's left part is on this screen: the worker can still grab the window
                if (a.shows(saved.x(), saved.y(), Math.min(GRIP_WIDTH, saved.width()), GRIP_HEIGHT)) {
                    double w = Math.min(saved.width(), a.width()), h = Math.min(saved.height(), a.height());
                    double x = Math.min(saved.x(), a.x() + a.width() - w), y = Math.min(saved.y(), a.y() + a.height() - h);
                    return new WindowPlacement(x, y, w, h, saved.maximized());
                }
            }
        }
        Area main = screens.get(0);
        double w = fit(PREFERRED_WIDTH, MIN_WIDTH, main.width()), h = fit(PREFERRED_HEIGHT, MIN_HEIGHT, main.height());
        return new WindowPlacement(main.x() + (main.width() - w) / 2, main.y() + (main.height() - h) / 2, w, h,
                saved != null && saved.maximized());
    }

    /** The preferred size, within the screen's share, never under the minimum unless the screen itself is smaller. */
    private static double fit(double preferred, double min, double screen) {
        return Math.floor(Math.min(screen, Math.max(min, Math.min(preferred, screen * SCREEN_SHARE))));
    }
}
