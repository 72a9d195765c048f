package fr.carnet.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.FieldKind;
import fr.carnet.domain.FieldSpec;
import fr.carnet.domain.RecordType;
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
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * The right-of-access export (RGPD art. 15) as a PDF/A-2 document, tagged, DejaVu Sans embedded:
 * the same content as {@code RgpdExport}'s JSON — the person, their household, the contacts,
 * visits, plans with objectives, actions and evaluations, measurements, screenings, aid requests
 * and the audit trail — with French labels, dates and numbers by locale. Reference ids are left
 * out (they mean nothing to the person); every value is printed, whatever the role.
 */
public final class RgpdPdf {
    /** The parts of the export, in order: JSON key, record type, heading key. */
    private static final List<Object[]> PARTS = List.of(
            new Object[] {"household", RecordType.HOUSEHOLD, "security.rgpd.section.household"},
            new Object[] {"contacts", RecordType.CONTACT, "security.rgpd.section.contacts"},
            new Object[] {"visits", RecordType.VISIT, "security.rgpd.section.visits"},
            new Object[] {"plans", RecordType.PLAN, "security.rgpd.section.plans"},
            new Object[] {"objectives", RecordType.OBJECTIVE, "security.rgpd.section.objectives"},
            new Object[] {"actions", RecordType.ACTION, "security.rgpd.section.actions"},
            new Object[] {"evaluations", RecordType.EVALUATION, "security.rgpd.section.evaluations"},
            new Object[] {"measurements", RecordType.MEASUREMENT, "security.rgpd.section.measurements"},
            new Object[] {"screenings", RecordType.SCREENING, "security.rgpd.section.screenings"},
            new Object[] {"aid", RecordType.AID, "security.rgpd.section.aid"});

    private final ReportOptions options;
    private final Formats fmt;

    public RgpdPdf(ReportOptions options) {
        this.options = options;
        this.fmt = options.formats();
    }

    /** The export as PDF bytes. */
    public byte[] render(ObjectNode export) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        write(export, out);
        return out.toByteArray();
    }

    /** The export written to {@code file} through a temporary file (no half-written PDF is left). */
    public void write(ObjectNode export, Path file) {
        try {
            fr.carnet.platform.AtomicFiles.write(file, out -> write(export, out));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.getFileName(), e);
        }
    }

    private void write(ObjectNode export, OutputStream out) {
        try (PDDocument doc = new PDDocument()) {
            PdfLayout l = new PdfLayout(doc, ReportFonts.load(doc), options.languageTag());
            String title = title(export);
            l.startSection(title);
            l.heading(1, title);
            l.paragraph(msg("security.rgpd.subtitle"), l.fonts().regular(), PdfLayout.BODY, PdfLayout.MUTED);
            List<String[]> head = new ArrayList<>();
            head.add(new String[] {msg("security.rgpd.exportedOn"), dateTime(export.path("exportedAt").asText(null))});
            head.add(new String[] {msg("security.rgpd.exportedBy"), options.printedBy()});
            l.fields(head);

            l.heading(2, msg("security.rgpd.section.person"));
            record(l, RecordType.PERSON, export.path("person"));
            for (Object[] part : PARTS) {
                JsonNode n = export.path((String) part[0]);
                RecordType t = (RecordType) part[1];
                l.heading(2, msg((String) part[2]));
                List<JsonNode> recs = new ArrayList<>();
                if (n.isArray()) n.forEach(recs::add);
                else if (n.isObject()) recs.add(n);
                if (recs.isEmpty()) {
                    l.paragraph(msg("security.rgpd.none"), l.fonts().regular(), PdfLayout.BODY, PdfLayout.MUTED);
                    continue;
                }
                for (int i = 0; i < recs.size(); i++) {
                    if (recs.size() > 1) l.heading(3, msg("security.rgpd.item", String.valueOf(i + 1), String.valueOf(recs.size())));
                    record(l, t, recs.get(i));
                }
            }
            audit(l, export.path("audit"));
            l.decorate(title, msg("report.header.printed", fmt.date(LocalDate.now(options.clock())), options.printedBy()),
                    msg("security.rgpd.footer"), (n, total) -> msg("report.page", String.valueOf(n), String.valueOf(total)));
            l.finish();
            PdfA.apply(doc, title, options.printedBy(), msg("security.rgpd.subject"), options.languageTag(), OffsetDateTime.now(options.clock()));
            doc.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the PDF", e);
        }
    }

    /** « Données personnelles — Léa Martin ». */
    public String title(ObjectNode export) {
        JsonNode f = export.path("person").path("fields");
        String name = (f.path("firstName").asText("") + " " + f.path("lastName").asText("")).strip();
        return msg("security.rgpd.title", name);
    }

    private void record(PdfLayout l, RecordType type, JsonNode rec) {
        List<String[]> pairs = new ArrayList<>();
        if (rec.path("deleted").asBoolean(false)) pairs.add(new String[] {msg("security.rgpd.deleted"), msg("security.rgpd.yes")});
        JsonNode fields = rec.path("fields");
        for (Map.Entry<String, FieldSpec> e : type.fields().entrySet()) {
            FieldSpec spec = e.getValue();
            if (spec.kind() == FieldKind.ID || spec.kind() == FieldKind.ID_LIST) continue; // references: ids only
            JsonNode v = fields.get(e.getKey());
            if (v == null || v.isNull()) continue;
            pairs.add(new String[] {label(e.getKey()), value(spec, v)});
        }
        // fields this version does not know are kept and shown as they are
        for (var it = fields.fields(); it.hasNext(); ) {
            var e = it.next();
            if (type.field(e.getKey()).isEmpty() && !e.getValue().isNull()) pairs.add(new String[] {e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()});
        }
        l.fields(pairs);
    }

    private void audit(PdfLayout l, JsonNode audit) {
        l.heading(2, msg("security.rgpd.section.audit"));
        if (!audit.isArray() || audit.isEmpty()) {
            l.paragraph(msg("security.rgpd.none"), l.fonts().regular(), PdfLayout.BODY, PdfLayout.MUTED);
            return;
        }
        List<String[]> rows = new ArrayList<>();
        for (JsonNode e : audit) {
            String action = e.path("action").asText("");
            String k = "security.audit.action." + action;
            rows.add(new String[] {dateTime(e.path("at").asText(null)), Messages.has(k) ? msg(k) : action,
                    label(e.path("recordType").asText("")), e.path("detail").asText("")});
        }
        l.table(List.of(new PdfLayout.Column(msg("security.rgpd.audit.when"), 1.2f), new PdfLayout.Column(msg("security.rgpd.audit.action"), 1.4f),
                new PdfLayout.Column(msg("security.rgpd.audit.record"), 1f), new PdfLayout.Column(msg("security.rgpd.audit.detail"), 2f)), rows);
    }

    /** A field's label: the sync screens' name for it, or this export's own. */
    private String label(String field) {
        if (field.isEmpty()) return "";
        for (String k : List.of("sync.field." + field, "security.rgpd.field." + field, "security.rgpd.type." + field))
            if (Messages.has(k)) return msg(k);
        return field;
    }

    private String value(FieldSpec spec, JsonNode v) {
        return switch (spec.kind()) {
            case DATE -> date(v.asText());
            case DATETIME -> dateTime(v.asText());
            case ENUM -> enumLabel(spec, v.asText());
            case ENUM_LIST, TEXT_LIST -> {
                List<String> out = new ArrayList<>();
                for (JsonNode x : v) out.add(spec.kind() == FieldKind.ENUM_LIST ? enumLabel(spec, x.asText()) : x.asText());
                yield String.join(", ", out);
            }
            case INT -> spec.name().equals("amountCents") ? fmt.money(v.asLong()) : fmt.integer(v.asLong());
            case DECIMAL -> fmt.decimal(v.asDouble(), 1);
            case BOOL -> msg(v.asBoolean() ? "security.rgpd.yes" : "security.rgpd.no");
            case ADDRESS -> {
                List<String> parts = new ArrayList<>();
                for (String k : List.of("line1", "line2")) if (!v.path(k).asText("").isBlank()) parts.add(v.path(k).asText());
                String city = (v.path("postcode").asText("") + " " + v.path("city").asText("")).strip();
                if (!city.isEmpty()) parts.add(city);
                yield String.join(", ", parts);
            }
            case PROGRESS -> {
                List<String> out = new ArrayList<>();
                for (JsonNode p : v) {
                    String r = p.path("rating").asText("");
                    StringBuilder b = new StringBuilder(Messages.has("report.rating." + r) ? msg("report.rating." + r) : r);
                    for (String k : List.of("workerComment", "personView"))
                        if (!p.path(k).asText("").isBlank()) b.append(" — ").append(p.path(k).asText());
                    out.add(b.toString());
                }
                yield String.join(" ; ", out);
            }
            default -> v.isTextual() ? v.asText() : v.toString();
        };
    }

    private String enumLabel(FieldSpec spec, String wire) {
        if (spec.enumType() == null) return wire;
        String k = "desk.enum." + spec.enumType().getSimpleName() + "." + wire;
        return Messages.has(k) ? msg(k) : wire;
    }

    private String date(String iso) {
        try {
            return fmt.date(LocalDate.parse(iso));
        } catch (DateTimeParseException | NullPointerException e) {
            return iso == null ? "" : iso;
        }
    }

    private String dateTime(String iso) {
        try {
            return fmt.dateTime(OffsetDateTime.parse(iso), options.zone());
        } catch (DateTimeParseException | NullPointerException e) {
            return iso == null ? "" : iso;
        }
    }

    private String msg(String key, Object... args) {
        return Messages.get(options.locale(), key, args);
    }
}
