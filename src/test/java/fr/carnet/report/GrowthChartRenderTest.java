package fr.carnet.report;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** Renders the charts of a sample girl to target/growth-chart-*.png and .pdf, to look at. */
class GrowthChartRenderTest {
    static final LocalDate BIRTH = LocalDate.of(2023, 2, 14);

    static List<GrowthPoint> girl() {
        List<GrowthPoint> p = new ArrayList<>();
        int[] days = {0, 8, 30, 61, 122, 183, 274, 365, 456, 548, 730, 913, 1095, 1460};
        double[] kg = {3.2, 3.15, 4.1, 5.2, 6.3, 7.2, 8.1, 8.3, 8.2, 8.9, 10.4, 11.3, 12.6, 14.6};
        double[] cm = {49.5, 50.0, 53.8, 57.5, 62.5, 66.0, 70.8, 74.5, 77.0, 80.5, 85.8, 89.6, 93.5, 100.6};
        double[] head = {34.0, 34.4, 36.6, 38.8, 40.5, 42.0, 43.4, 44.6, 45.3, 46.0, 47.0, 47.6, 48.2, 49.0};
        for (int i = 0; i < days.length; i++) {
            boolean standing = days[i] >= 731;
            p.add(new GrowthPoint(BIRTH.plusDays(days[i]), kg[i], standing ? null : cm[i], standing ? cm[i] : null, head[i]));
        }
        return p;
    }

    static GrowthChart chart(Indicator i, Sex sex, Span span) {
        return GrowthChart.of(i, sex, BIRTH, girl(), span, Locale.FRENCH);
    }

    @Test
    void writesPngChartsOfEveryIndicator() throws Exception {
        for (Indicator i : Indicator.values()) {
            for (Span span : Span.values()) {
                Path f = Path.of("target", "growth-chart-" + i.code() + "-" + span.name().toLowerCase(Locale.ROOT) + ".png");
                GrowthChartPng.write(chart(i, Sex.F, span), f, 1000, 700);
                BufferedImage img = ImageIO.read(f.toFile());
                assertThat(img.getWidth()).isEqualTo(1000);
                assertThat(img.getHeight()).isEqualTo(700);
            }
        }
        GrowthChartPng.write(chart(Indicator.LENGTH_HEIGHT_FOR_AGE, Sex.M, Span.BIRTH_TO_5), Path.of("target/growth-chart-lhfa-boy.png"), 1000, 700);
        GrowthChartPng.write(chart(Indicator.WEIGHT_FOR_AGE, Sex.F, Span.BIRTH_TO_2), Path.of("target/growth-chart-small.png"), 480, 340);
    }

    @Test
    void writesAPdfWithTheFontEmbedded() throws Exception {
        Path single = Path.of("target/growth-chart.pdf");
        GrowthChartPdf.write(chart(Indicator.WEIGHT_FOR_AGE, Sex.F, Span.BIRTH_TO_2), single);
        // two charts on one portrait page, as a report would place them
        Path two = Path.of("target/growth-chart-2up.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDFont font = GrowthChartPdf.loadFont(doc);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                GrowthChartPdf.draw(chart(Indicator.LENGTH_HEIGHT_FOR_AGE, Sex.F, Span.BIRTH_TO_5), cs, font, new PDRectangle(36, 436, 523, 370));
                GrowthChartPdf.draw(chart(Indicator.HEAD_FOR_AGE, Sex.F, Span.BIRTH_TO_5), cs, font, new PDRectangle(36, 40, 523, 370));
            }
            Files.deleteIfExists(two);
            doc.save(two.toFile());
        }
        for (Path p : List.of(single, two)) {
            assertThat(Files.size(p)).isGreaterThan(5_000);
            try (PDDocument doc = Loader.loadPDF(p.toFile())) {
                String text = new PDFTextStripper().getText(doc);
                assertThat(text).contains("Fille", "Âge (mois)");
            }
        }
    }
}
