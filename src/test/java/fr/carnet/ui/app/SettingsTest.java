package fr.carnet.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desk's settings survive a save and a load, and a damaged file falls back to defaults. */
class SettingsTest {
    @TempDir Path dir;

    @Test
    void everySettingRoundTripsThroughTheFile() throws Exception {
        Path f = dir.resolve("config/desk-settings.json");
        Settings s = Settings.load(f);
        s.setTheme(Settings.ThemeChoice.DARK);
        s.setFontSize(16);
        s.setIdleLockMinutes(15);
        s.setLockWhenIconified(false);
        s.setOfflineGraceDays(10);
        s.setServer("https://carnet.example.fr", "as.martin");
        s.setTourSeen(true);
        // a second screen on the left: negative coordinates
        s.setWindow(new WindowPlacement(-1500, 40, 1100, 700, true));
        s.save(f);
        Settings back = Settings.load(f);
        assertThat(back.window()).isEqualTo(new WindowPlacement(-1500, 40, 1100, 700, true));
        assertThat(back.theme()).isEqualTo(Settings.ThemeChoice.DARK);
        assertThat(back.fontSize()).isEqualTo(16);
        assertThat(back.idleLockMinutes()).isEqualTo(15);
        assertThat(back.lockWhenIconified()).isFalse();
        assertThat(back.offlineGraceDays()).isEqualTo(10);
        assertThat(back.serverUrl()).isEqualTo("https://carnet.example.fr");
        assertThat(back.serverLogin()).isEqualTo("as.martin");
        assertThat(back.tourSeen()).isTrue();
        assertThat(Files.readString(f)).doesNotContainIgnoringCase("password");
        try (var files = Files.list(f.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("desk-settings.json");
        }
    }

    @Test
    void aDamagedFileGivesTheDefaults() throws Exception {
        Path f = dir.resolve("desk-settings.json");
        Files.writeString(f, "{ not json");
        Settings s = Settings.load(f);
        assertThat(s.idleLockMinutes()).isEqualTo(Settings.DEFAULT_IDLE_LOCK_MINUTES);
        assertThat(s.tourSeen()).isFalse();
        assertThat(s.window()).isNull();
    }

    @Test
    void aFileWithFieldsOfALaterVersionStillReads() throws Exception {
        // a nested value is beyond the quick reader: the file is then read with Jackson, as before
        Path f = dir.resolve("desk-settings.json");
        Files.writeString(f, "{\"theme\":\"DARK\",\"fontSize\":18,\"tourSeen\":true,\"windowX\":-10,\"windowY\":5,"
                + "\"windowWidth\":900,\"windowHeight\":600,\"later\":{\"x\":[1,2]}}");
        Settings s = Settings.load(f);
        assertThat(s.window()).isEqualTo(new WindowPlacement(-10, 5, 900, 600, false));
        assertThat(s.theme()).isEqualTo(Settings.ThemeChoice.DARK);
        assertThat(s.fontSize()).isEqualTo(18);
        assertThat(s.tourSeen()).isTrue();
        Files.writeString(f, "{\"theme\":\"NOT_A_THEME\",\"fontSize\":18}");
        assertThat(Settings.load(f).fontSize()).isEqualTo(Settings.DEFAULT_FONT);
    }
}
