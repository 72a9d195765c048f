package fr.carnet.bench;

import fr.carnet.domain.Enums.Sex;
import fr.carnet.domain.growth.ChildAge;
import fr.carnet.domain.growth.GrowthChart;
import fr.carnet.domain.growth.GrowthPoint;
import fr.carnet.domain.growth.GrowthStandards;
import fr.carnet.domain.growth.Indicator;
import fr.carnet.domain.growth.ZScoreSet;
import fr.carnet.domain.growth.ZScores;
import fr.carnet.report.GrowthChartPdf;
import fr.carnet.report.GrowthChartPng;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Growth benchmark, printed as a Markdown table: z-scores of 100k measurements (the five
 * indicators each) and the time to draw a 40-point chart to PNG and PDF (median of 20 after
 * warm-up). Run: {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) fr.carnet.bench.GrowthBench}
 */
public final class GrowthBench {
    private static final int N = 100_000;

    private GrowthBench() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Random rnd = new Random(42);
        GrowthStandards who = GrowthStandards.who();
        LocalDate birth = LocalDate.of(2020, 1, 1);
        Sex[] sexes = new Sex[N];
        GrowthPoint[] pts = new GrowthPoint[N];
        for (int i = 0; i < N; i++) {
            Sex s = rnd.nextBoolean() ? Sex.F : Sex.M;
            int d = rnd.nextInt(1826);
            double z = rnd.nextGaussian() * 1.2;
            double len = who.valueAt(Indicator.LENGTH_HEIGHT_FOR_AGE, s, d, d, z);
            double w = who.valueAt(Indicator.WEIGHT_FOR_AGE, s, d, d, z + rnd.nextGaussian() * 0.5);
            double head = who.valueAt(Indicator.HEAD_FOR_AGE, s, d, d, rnd.nextGaussian());
            boolean standing = d >= ChildAge.HEIGHT_FROM_DAYS;
            sexes[i] = s;
            pts[i] = new GrowthPoint(birth.plusDays(d), w, standing ? null : len, standing ? len : null, head);
        }

        List<String[]> rows = new ArrayList<>();
        // all five indicators through ZScores (ages, length/height rule, BMI)
        double[] all = new double[7];
        for (int r = 0; r < all.length; r++) {
            long t0 = System.nanoTime();
            double sink = 0;
            for (int i = 0; i < N; i++) {
                ZScoreSet zs = ZScores.of(who, sexes[i], birth, pts[i]);
                Double z = zs.z(Indicator.WEIGHT_FOR_AGE);
                if (z != null) sink += z;
            }
            all[r] = (System.nanoTime() - t0) / 1e9;
            if (sink == 42) System.out.print("");
        }
        double allMed = median(Arrays.copyOfRange(all, 2, all.length)); // the first two are warm-up
        rows.add(new String[] {"z-scores, 5 indicators per measurement (ZScores.of)", "100 000 measurements",
                String.format(Locale.ROOT, "%.0f ms", allMed * 1000), String.format(Locale.ROOT, "%,.0f measurements/s (%,.0f z/s)", N / allMed, 5 * N / allMed)});
        // each indicator alone through GrowthStandards
        for (Indicator ind : Indicator.values()) {
            double[] t = new double[7];
            for (int r = 0; r < t.length; r++) {
                long t0 = System.nanoTime();
                double sink = 0;
                for (int i = 0; i < N; i++) {
                    int d = (int) (pts[i].date().toEpochDay() - birth.toEpochDay());
                    Double lh = ZScores.lengthForStandards(d, pts[i].lengthCm(), pts[i].heightCm());
                    double w = pts[i].weightKg();
                    sink += switch (ind) {
                        case WEIGHT_FOR_AGE -> who.zScore(ind, sexes[i], d, w);
                        case LENGTH_HEIGHT_FOR_AGE -> who.zScore(ind, sexes[i], d, lh);
                        case HEAD_FOR_AGE -> who.zScore(ind, sexes[i], d, pts[i].headCm());
                        case WEIGHT_FOR_LENGTH_HEIGHT -> who.zScoreForLength(sexes[i], d, lh, w);
                        case BMI_FOR_AGE -> who.zScore(ind, sexes[i], d, w / (lh * lh / 10_000));
                    };
                }
                t[r] = (System.nanoTime() - t0) / 1e9;
                if (sink == 42) System.out.print("");
            }
            double med = median(Arrays.copyOfRange(t, 2, t.length));
            rows.add(new String[] {"z-score " + ind.name() + " (GrowthStandards)", "100 000 measurements",
                    String.format(Locale.ROOT, "%.1f ms", med * 1000), String.format(Locale.ROOT, "%,.0f z/s", N / med)});
        }

        // charts of 40 points
        List<GrowthPoint> forty = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int d = i * 18;
            double w = who.valueAt(Indicator.WEIGHT_FOR_AGE, Sex.F, d, d, 0.3 - i * 0.03);
            forty.add(GrowthPoint.weight(birth.plusDays(d), w));
        }
        GrowthChart chart = GrowthChart.of(Indicator.WEIGHT_FOR_AGE, Sex.F, birth, forty, GrowthChart.Span.BIRTH_TO_2, Locale.FRENCH);
        double model = timeMedian(() -> GrowthChart.of(Indicator.WEIGHT_FOR_AGE, Sex.F, birth, forty, GrowthChart.Span.BIRTH_TO_2, Locale.FRENCH));
        double png = timeMedian(() -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(GrowthChartPng.render(chart, 1000, 700), "png", out);
        });
        double pngDraw = timeMedian(() -> GrowthChartPng.render(chart, 1000, 700));
        double pdf = timeMedian(() -> {
            try (PDDocument doc = new PDDocument()) {
                PDPage page = new PDPage(new PDRectangle(842, 595));
                doc.addPage(page);
                PDFont font = GrowthChartPdf.loadFont(doc);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    GrowthChartPdf.draw(chart, cs, font, new PDRectangle(28, 28, 786, 539));
                }
                doc.save(new ByteArrayOutputStream());
            }
        });
        rows.add(new String[] {"chart model, 40 points (GrowthChart.of)", "median of 20", String.format(Locale.ROOT, "%.2f ms", model), ""});
        rows.add(new String[] {"PNG 1000×700, 40 points: draw only", "median of 20", String.format(Locale.ROOT, "%.1f ms", pngDraw), ""});
        rows.add(new String[] {"PNG 1000×700, 40 points: draw + PNG encode", "median of 20", String.format(Locale.ROOT, "%.1f ms", png), ""});
        rows.add(new String[] {"PDF A4 page, 40 points: new document + font subset + draw + save", "median of 20", String.format(Locale.ROOT, "%.1f ms", pdf), ""});

        System.out.println("| Benchmark | Size | Time | Throughput |");
        System.out.println("|---|---|---|---|");
        for (String[] r : rows) System.out.println("| " + String.join(" | ", r) + " |");
        System.out.println();
        System.out.println("JDK " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " cores");
    }

    interface Work {
        void run() throws Exception;
    }

    /** Median time in ms of 20 runs after 10 warm-up runs. */
    private static double timeMedian(Work w) throws Exception {
        for (int i = 0; i < 10; i++) w.run();
        double[] t = new double[20];
        for (int i = 0; i < t.length; i++) {
            long t0 = System.nanoTime();
            w.run();
            t[i] = (System.nanoTime() - t0) / 1e6;
        }
        return median(t);
    }

    private static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
