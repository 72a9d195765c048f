package fr.carnet.report;

import fr.carnet.domain.Enums.AidDecision;
import fr.carnet.domain.Enums.Sex;
import fr.carnet.domain.growth.ChildAge;
import fr.carnet.domain.growth.GrowthChart;
import fr.carnet.domain.growth.GrowthPoint;
import fr.carnet.domain.growth.Indicator;
import fr.carnet.i18n.Messages;
import fr.carnet.util.Formats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Draws printed case summaries (PDF/A-2, tagged, DejaVu Sans embedded): header, household
 * composition, situation, the PIA with its objectives and co-evaluations, the timeline of
 * contacts and visits, aid requests, and growth charts for children under six.
 *
 * <pre>{@code
 * CaseSummary s = store.read(ctx -> new CaseSummaryLoader(ctx, role).load(householdId, today, name));
 * new CaseSummaryPdf(options).write(s, Path.of("synthese.pdf"));
 * }</pre>
 * For several summaries in one file use {@link #open()} and {@link Document#add(CaseSummary)}.
 */
public final class CaseSummaryPdf {
    private static final float CHART_HEIGHT = 250;
    private final ReportOptions options;
    private final Formats fmt;

    public CaseSummaryPdf(ReportOptions options) {
        this.options = options;
        this.fmt = options.formats();
    }

    /** One summary as PDF bytes. */
    public byte[] render(CaseSummary s) {
        try (Document d = open()) {
            d.add(s);
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            d.save(out, title(s));
            return out.toByteArray();
        }
    }

    /** One summary written to {@code file} (through a temporary file, so no half-written PDF is left). */
    public void write(CaseSummary s, Path file) {
        try (Document d = open()) {
            d.add(s);
            d.save(file, title(s));
        }
    }

    /** A document to which summaries are added one after the other, each starting on a new page. */
    public Document open() {
        return new Document();
    }

    /** A document being built; not thread-safe. Close it to release its memory. */
    public final class Document implements AutoCloseable {
        private final PDDocument doc = new PDDocument();
        private final PdfLayout layout;
        private int count;

        private Document() {
            layout = new PdfLayout(doc, ReportFonts.load(doc), options.languageTag());
        }

        /** Appends one household's summary, starting on a new page, with its own page numbering. */
        public void add(CaseSummary s) {
            new Writer(layout, s).write();
            count++;
        }

        /** How many summaries were added. */
        public int size() {
            return count;
        }

        /** Finishes the document and writes it to {@code out}. */
        public void save(OutputStream out, String title) {
            finish(title);
            try {
                doc.save(out);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the PDF", e);
            }
        }

        /** Finishes the document and writes it to {@code file}, replacing it atomically. */
        public void save(Path file, String title) {
            try {
                fr.carnet.platform.AtomicFiles.write(file, out -> save(out, title));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file.getFileName(), e);
            }
        }

        private void finish(String title) {
            layout.finish();
            PdfA.apply(doc, title, options.printedBy(), msg("report.subject"), options.languageTag(),
                    OffsetDateTime.now(options.clock()));
        }

        @Override
        public void close() {
            try {
                doc.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The document title of one summary: « Synthèse du dossier — Famille Lefèvre ». */
    public String title(CaseSummary s) {
        return msg("report.title", label(s));
    }

    private String label(CaseSummary s) {
        return s.label() == null || s.label().isBlank() ? msg("report.household.unnamed") : s.label();
    }

    String msg(String key, Object... args) {
        return Messages.get(options.locale(), key, args);
    }

    /** Lays out one summary. */
    private final class Writer {
        private final PdfLayout l;
        private final CaseSummary s;

        Writer(PdfLayout l, CaseSummary s) {
            this.l = l;
            this.s = s;
        }

        void write() {
            l.startSection(title(s));
            header();
            persons();
            situation();
            if (s.role().readsConfidential()) {
                plan();
            }
            timeline();
            if (s.role().readsConfidential()) {
                aids();
                growth();
            }
            String printed = msg("report.header.printed", fmt.date(s.printedOn()), s.printedBy());
            l.decorate(title(s), printed, msg("report.footer.confidential"),
                    (n, total) -> msg("report.page", String.valueOf(n), String.valueOf(total)));
        }

        private void header() {
            l.heading(1, label(s));
            l.paragraph(msg("report.subtitle"), l.fonts().regular(), PdfLayout.BODY, PdfLayout.MUTED);
            List<String[]> f = new ArrayList<>();
            f.add(new String[] {msg("report.field.sector"), s.sector()});
            f.add(new String[] {msg("report.field.referents"), String.join(", ", s.referents())});
            f.add(new String[] {msg("report.field.printed"), msg("report.printed", fmt.longDate(s.printedOn()), s.printedBy(),
                    msg("report.role." + s.role().name()))});
            l.fields(f);
            if (s.withheld()) l.paragraph(msg("report.withheld"), l.fonts().bold(), PdfLayout.SMALL, PdfLayout.MUTED);
        }

        private void persons() {
            l.heading(2, msg("report.section.persons"));
            if (s.persons().isEmpty()) {
                l.paragraph(msg("report.persons.none"));
                return;
            }
            List<String[]> rows = new ArrayList<>();
            for (CaseSummary.Person p : s.persons()) {
                String name = p.lastName() == null ? "" : p.lastName();
                if (p.birthName() != null && !p.birthName().isBlank() && !p.birthName().equals(p.lastName()))
                    name += " " + msg(p.sex() == Sex.F ? "report.person.bornF" : "report.person.bornM", p.birthName());
                rows.add(new String[] {name, p.firstName(), fmt.date(p.birthDate()), age(p.birthDate(), s.printedOn()),
                        relationship(p)});
            }
            l.table(List.of(new PdfLayout.Column(msg("report.person.lastName"), 3), new PdfLayout.Column(msg("report.person.firstName"), 2.2f),
                    new PdfLayout.Column(msg("report.person.birthDate"), 1.6f), new PdfLayout.Column(msg("report.person.age"), 1.2f),
                    new PdfLayout.Column(msg("report.person.relationship"), 1.8f)), rows);
        }

        private String relationship(CaseSummary.Person p) {
            if (p.relationship() == null) return "";
            String key = "report.relationship." + p.relationship().name();
            if (p.sex() == Sex.F && Messages.get(options.locale(), key + ".F").charAt(0) != '!') return msg(key + ".F");
            return msg(key);
        }

        private void situation() {
            l.heading(2, msg("report.section.situation"));
            CaseSummary.Situation sit = s.situation();
            List<String> addr = new ArrayList<>();
            if (sit.line1() != null) addr.add(sit.line1());
            if (sit.line2() != null) addr.add(sit.line2());
            String city = String.join(" ", nonNull(sit.postcode(), sit.city()));
            if (!city.isBlank()) addr.add(city);
            List<String[]> f = new ArrayList<>();
            f.add(new String[] {msg("report.field.address"), String.join("\n", addr)});
            f.add(new String[] {msg("report.field.housing"), sit.housing()});
            f.add(new String[] {msg("report.field.notes"), sit.notes()});
            l.fields(f);
        }

        private void plan() {
            l.heading(2, msg("report.section.plan"));
            CaseSummary.Plan p = s.plan();
            if (p == null) {
                l.paragraph(msg("report.plan.none"));
                return;
            }
            List<String[]> f = new ArrayList<>();
            f.add(new String[] {msg("report.plan.status"), p.status() == null ? "" : msg("report.planStatus." + p.status().name())});
            f.add(new String[] {msg("report.plan.period"), msg("report.plan.periodValue", fmt.date(p.startDate()), fmt.date(p.plannedEndDate()))});
            f.add(new String[] {msg("report.plan.agreement"), p.agreementDate() == null ? msg("report.plan.noAgreement") : fmt.date(p.agreementDate())});
            f.add(new String[] {msg("report.plan.diagnosis"), p.diagnosis()});
            f.add(new String[] {msg("report.plan.strengths"), p.strengths()});
            l.fields(f);

            l.heading(3, msg("report.plan.objectives"));
            if (p.objectives().isEmpty()) l.paragraph(msg("report.plan.noObjectives"));
            else {
                List<String[]> rows = new ArrayList<>();
                for (CaseSummary.Objective o : p.objectives()) {
                    String statement = o.statement();
                    if (o.criteria() != null && !o.criteria().isBlank()) statement += "\n" + msg("report.objective.criteria", o.criteria());
                    String rating = o.latestRating() == null ? msg("report.objective.notEvaluated") : msg("report.rating." + o.latestRating().name());
                    if (o.latestComment() != null && !o.latestComment().isBlank()) rating += "\n" + o.latestComment();
                    rows.add(new String[] {o.domain() == null ? "" : msg("report.domain." + o.domain().name()), statement,
                            fmt.date(o.targetDate()), rating, o.personView() == null ? "" : "« " + o.personView() + " »"});
                }
                l.table(List.of(new PdfLayout.Column(msg("report.objective.domain"), 2), new PdfLayout.Column(msg("report.objective.statement"), 3.6f),
                        new PdfLayout.Column(msg("report.objective.target"), 1.3f), new PdfLayout.Column(msg("report.objective.latest"), 2.4f),
                        new PdfLayout.Column(msg("report.objective.personView"), 2.6f)), rows);
            }

            l.heading(3, msg("report.plan.evaluations"));
            if (p.evaluations().isEmpty()) {
                l.paragraph(msg("report.plan.noEvaluations"));
                return;
            }
            List<String[]> rows = new ArrayList<>();
            for (CaseSummary.Evaluation e : p.evaluations()) {
                String when = fmt.date(e.date()) + (e.finalEvaluation() ? "\n" + msg("report.evaluation.final") : "");
                if (!e.participants().isEmpty()) when += "\n" + String.join(", ", e.participants());
                if (e.ratings().isEmpty()) rows.add(new String[] {when, "", "", nz(e.notes())});
                boolean first = true;
                for (CaseSummary.Progress pr : e.ratings()) {
                    String view = pr.personView() == null ? "" : "« " + pr.personView() + " »";
                    String comment = pr.workerComment() == null ? "" : pr.workerComment();
                    rows.add(new String[] {first ? when : "", pr.objective(), pr.rating() == null ? "" : msg("report.rating." + pr.rating().name()),
                            join(comment, view)});
                    first = false;
                }
                if (!e.ratings().isEmpty() && e.notes() != null && !e.notes().isBlank())
                    rows.add(new String[] {"", msg("report.evaluation.notes"), "", e.notes()});
            }
            l.table(List.of(new PdfLayout.Column(msg("report.evaluation.date"), 2.2f), new PdfLayout.Column(msg("report.evaluation.objective"), 3.4f),
                    new PdfLayout.Column(msg("report.evaluation.rating"), 1.7f), new PdfLayout.Column(msg("report.evaluation.comments"), 4.6f)), rows);
        }

        private void timeline() {
            l.heading(2, msg("report.section.timeline"));
            if (s.timeline().isEmpty()) {
                l.paragraph(msg("report.timeline.none"));
                return;
            }
            l.paragraph(msg("report.timeline.order", s.timeline().size()), l.fonts().regular(), PdfLayout.SMALL, PdfLayout.MUTED);
            List<String[]> rows = new ArrayList<>();
            for (CaseSummary.TimelineEntry e : s.timeline()) {
                String kind;
                List<String> text = new ArrayList<>();
                if (e.kind() == CaseSummary.TimelineEntry.Kind.VISIT) {
                    kind = msg("report.visit") + (e.visitStatus() == null ? "" : "\n" + msg("report.visitStatus." + e.visitStatus().name()));
                    if (e.purpose() != null) text.add(e.purpose());
                    if (e.summary() != null) text.add(msg("report.visit.observations", e.summary()));
                    if (e.outcome() != null) text.add(msg("report.visit.nextSteps", e.outcome()));
                } else {
                    kind = e.mode() == null ? "" : msg("report.mode." + e.mode().name());
                    if (e.request() != null) text.add(msg("report.request." + e.request().name()));
                    if (e.summary() != null) text.add(e.summary());
                    if (e.outcome() != null) text.add(msg("report.contact.outcome", e.outcome()));
                    if (e.orientedTo() != null) text.add(msg("report.contact.orientedTo", e.orientedTo()));
                }
                rows.add(new String[] {fmt.dateTime(e.when(), options.zone()), kind, nz(e.professional()),
                        e.durationMinutes() == null ? "" : msg("report.minutes", e.durationMinutes()), String.join("\n", text)});
            }
            l.table(List.of(new PdfLayout.Column(msg("report.timeline.date"), 1.9f), new PdfLayout.Column(msg("report.timeline.kind"), 1.9f),
                    new PdfLayout.Column(msg("report.timeline.professional"), 1.9f), new PdfLayout.Column(msg("report.timeline.duration"), 1.1f),
                    new PdfLayout.Column(msg("report.timeline.content"), 5.6f)), rows);
        }

        private void aids() {
            l.heading(2, msg("report.section.aids"));
            if (s.aids().isEmpty()) {
                l.paragraph(msg("report.aids.none"));
                return;
            }
            List<String[]> rows = new ArrayList<>();
            long granted = 0;
            for (CaseSummary.Aid a : s.aids()) {
                if (a.decision() == AidDecision.GRANTED && a.amountCents() != null) granted += a.amountCents();
                rows.add(new String[] {fmt.date(a.requestedOn()), nz(a.kind()), a.amountCents() == null ? "" : fmt.money(a.amountCents()),
                        a.decision() == null ? "" : msg("report.decision." + a.decision().name()), fmt.date(a.decidedOn())});
            }
            l.table(List.of(new PdfLayout.Column(msg("report.aid.requestedOn"), 1.6f), new PdfLayout.Column(msg("report.aid.kind"), 4),
                    new PdfLayout.Column(msg("report.aid.amount"), 1.7f), new PdfLayout.Column(msg("report.aid.decision"), 1.6f),
                    new PdfLayout.Column(msg("report.aid.decidedOn"), 1.6f)), rows);
            l.paragraph(msg("report.aid.totalGranted", fmt.money(granted)), l.fonts().bold(), PdfLayout.BODY, PdfLayout.INK);
        }

        private void growth() {
            if (s.children().isEmpty()) return;
            l.ensure(36 + childHeight(s.children().get(0))); // the section title never alone at the foot of a page
            l.heading(2, msg("report.section.growth"));
            for (CaseSummary.Child c : s.children()) {
                String who = String.join(" ", nonNull(c.firstName(), c.lastName()));
                l.ensure(childHeight(c)); // a child's charts stay together with the name
                l.heading(3, msg(c.sex() == Sex.F ? "report.child.headingF" : "report.child.headingM", who, fmt.date(c.birthDate()),
                        age(c.birthDate(), s.printedOn())));
                List<GrowthPoint> weights = c.points().stream().filter(p -> p.weightKg() != null).toList();
                if (weights.isEmpty()) {
                    l.paragraph(msg("report.child.noMeasurement"));
                    continue;
                }
                chart(c, Indicator.WEIGHT_FOR_AGE, weights);
                List<GrowthPoint> lengths = c.points().stream().filter(p -> p.lengthCm() != null || p.heightCm() != null).toList();
                if (!lengths.isEmpty()) chart(c, Indicator.LENGTH_HEIGHT_FOR_AGE, lengths);
            }
        }

        private float childHeight(CaseSummary.Child c) {
            boolean weights = c.points().stream().anyMatch(p -> p.weightKg() != null);
            boolean lengths = c.points().stream().anyMatch(p -> p.lengthCm() != null || p.heightCm() != null);
            int charts = !weights ? 0 : lengths ? 2 : 1;
            return 40 + (charts == 0 ? 20 : charts * (CHART_HEIGHT + 8));
        }

        private void chart(CaseSummary.Child c, Indicator indicator, List<GrowthPoint> points) {
            Predicate<GrowthPoint> older = p -> ChildAge.of(c.birthDate(), p.date()).days() >= ChildAge.HEIGHT_FROM_DAYS;
            GrowthChart.Span span = points.stream().anyMatch(older) ? GrowthChart.Span.BIRTH_TO_5 : GrowthChart.Span.BIRTH_TO_2;
            // Charts end at 5 years (WHO standards); later measurements are listed, not plotted.
            GrowthChart chart = GrowthChart.of(indicator, c.sex(), c.birthDate(), points, span, options.locale());
            String alt = msg("report.child.chartAlt", chart.title(), points.size());
            l.figure(CHART_HEIGHT, alt, (cs, area) -> GrowthChartPdf.draw(chart, cs, l.fonts().regular(), area));
        }
    }

    /** « 42 ans », « 18 mois », « 3 semaines »; empty without a birth date. */
    String age(LocalDate birth, LocalDate on) {
        if (birth == null || on == null || on.isBefore(birth)) return "";
        Period p = Period.between(birth, on);
        if (p.toTotalMonths() >= 24) return msg("report.age.years", p.getYears());
        if (p.toTotalMonths() >= 1) return msg("report.age.months", p.toTotalMonths());
        return msg("report.age.weeks", (int) (java.time.temporal.ChronoUnit.DAYS.between(birth, on) / 7));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String join(String a, String b) {
        if (a.isBlank()) return b;
        if (b.isBlank()) return a;
        return a + "\n" + b;
    }

    private static List<String> nonNull(String... parts) {
        List<String> out = new ArrayList<>();
        for (String p : parts) if (p != null && !p.isBlank()) out.add(p);
        return out;
    }
}
