package fr.carnet.ui.child;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carnet.domain.Enums.Sex;
import fr.carnet.domain.growth.GrowthChart;
import fr.carnet.domain.growth.GrowthChart.Span;
import fr.carnet.domain.growth.GrowthPoint;
import fr.carnet.domain.growth.Indicator;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Snapshots the JavaFX growth chart on the Headless glass platform to target/growth-chart-fx.png. */
class GrowthChartViewTest {
    @BeforeAll
    static void startToolkit() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyStarted) {
            started.countDown();
        }
        assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void drawsTheChartOnACanvas() throws Exception {
        LocalDate birth = LocalDate.of(2024, 5, 2);
        List<GrowthPoint> points = List.of(
                new GrowthPoint(birth, 3.5, 50.5, null, 35.0),
                new GrowthPoint(birth.plusDays(30), 4.4, 54.6, null, 37.2),
                new GrowthPoint(birth.plusDays(91), 6.1, 61.0, null, 40.4),
                new GrowthPoint(birth.plusDays(183), 7.9, 67.5, null, 43.4),
                new GrowthPoint(birth.plusDays(274), 8.9, 72.0, null, 45.0),
                new GrowthPoint(birth.plusDays(365), 10.2, 76.0, null, 46.2),
                new GrowthPoint(birth.plusDays(548), 11.5, 82.0, null, 47.3));
        GrowthChart chart = GrowthChart.of(Indicator.WEIGHT_FOR_AGE, Sex.M, birth, points, Span.BIRTH_TO_2, Locale.FRENCH);
        CompletableFuture<BufferedImage> shot = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                GrowthChartView view = new GrowthChartView(chart);
                StackPane root = new StackPane(view);
                Scene scene = new Scene(root, 900, 620);
                root.applyCss();
                root.layout();
                assertThat(view.getAccessibleText()).startsWith("Poids selon l’âge — Garçon");
                WritableImage img = view.snapshot(null, null);
                shot.complete(toAwt(img));
                assertThat(scene).isNotNull();
            } catch (Throwable t) {
                shot.completeExceptionally(t);
            }
        });
        BufferedImage img = shot.get(30, TimeUnit.SECONDS);
        Path out = Path.of("target/growth-chart-fx.png");
        Files.createDirectories(out.getParent());
        ImageIO.write(img, "png", out.toFile());
        assertThat(img.getWidth()).isEqualTo(900);
        assertThat(img.getHeight()).isEqualTo(620);
        // not blank: the median line's green is somewhere
        boolean green = false;
        for (int y = 0; y < img.getHeight() && !green; y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF, g = (rgb >> 8) & 0xFF, b = rgb & 0xFF;
                if (g > 100 && r < 80 && b < 80) {
                    green = true;
                    break;
                }
            }
        }
        assertThat(green).isTrue();
    }

    private static BufferedImage toAwt(WritableImage img) {
        int w = (int) img.getWidth(), h = (int) img.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader r = img.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) out.setRGB(x, y, r.getArgb(x, y));
        }
        return out;
    }
}
