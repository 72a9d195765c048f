package fr.carnet.report;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * PDF/A-2 identification and metadata: the document information dictionary and the XMP packet
 * say the same thing (title, author, subject, dates, producer), with {@code pdfaid:part 2} and
 * conformance A (tagged); an sRGB output intent for the DeviceRGB colours. The sRGB ICC profile
 * is the JDK's own (this machine has no /usr/share/color/icc), read through {@link ICC_Profile}.
 */
final class PdfA {
    static final String PRODUCER = "Carnet (Apache PDFBox)";

    private static final class Icc {
        static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    }

    private PdfA() {}

    /** Sets metadata, language, the output intent and the marks of a tagged PDF/A-2A document. */
    static void apply(PDDocument doc, String title, String author, String subject, String language, OffsetDateTime now) {
        OffsetDateTime t = now.truncatedTo(ChronoUnit.SECONDS);
        Calendar cal = GregorianCalendar.from(t.toZonedDateTime());
        cal.setTimeZone(TimeZone.getTimeZone(t.getOffset()));
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setAuthor(author);
        info.setSubject(subject);
        info.setCreator("Carnet");
        info.setProducer(PRODUCER);
        info.setCreationDate(cal);
        info.setModificationDate(cal);

        PDDocumentCatalog catalog = doc.getDocumentCatalog();
        catalog.setLanguage(language);
        PDMarkInfo mark = new PDMarkInfo();
        mark.setMarked(true);
        catalog.setMarkInfo(mark);
        PDViewerPreferences prefs = new PDViewerPreferences(new org.apache.pdfbox.cos.COSDictionary());
        prefs.setDisplayDocTitle(true);
        catalog.setViewerPreferences(prefs);
        doc.setVersion(1.7f);

        try {
            PDMetadata md = new PDMetadata(doc);
            md.importXMPMetadata(xmp(title, author, subject, language, t).getBytes(StandardCharsets.UTF_8));
            catalog.setMetadata(md);
            PDOutputIntent intent = new PDOutputIntent(doc, new ByteArrayInputStream(Icc.SRGB));
            intent.setInfo("sRGB IEC61966-2.1");
            intent.setOutputCondition("sRGB IEC61966-2.1");
            intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
            intent.setRegistryName("http://www.color.org");
            catalog.addOutputIntent(intent);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String xmp(String title, String author, String subject, String language, OffsetDateTime t) {
        String date = t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        return "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                + "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
                + "<dc:format>application/pdf</dc:format>\n"
                + "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + esc(title) + "</rdf:li></rdf:Alt></dc:title>\n"
                + "<dc:creator><rdf:Seq><rdf:li>" + esc(author) + "</rdf:li></rdf:Seq></dc:creator>\n"
                + "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + esc(subject) + "</rdf:li></rdf:Alt></dc:description>\n"
                + "<dc:language><rdf:Bag><rdf:li>" + esc(language) + "</rdf:li></rdf:Bag></dc:language>\n"
                + "</rdf:Description>\n"
                + "<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n"
                + "<xmp:CreatorTool>Carnet</xmp:CreatorTool>\n"
                + "<xmp:CreateDate>" + date + "</xmp:CreateDate>\n"
                + "<xmp:ModifyDate>" + date + "</xmp:ModifyDate>\n"
                + "</rdf:Description>\n"
                + "<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
                + "<pdf:Producer>" + esc(PRODUCER) + "</pdf:Producer>\n"
                + "</rdf:Description>\n"
                + "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
                + "<pdfaid:part>2</pdfaid:part>\n"
                + "<pdfaid:conformance>A</pdfaid:conformance>\n"
                + "</rdf:Description>\n"
                + "</rdf:RDF>\n"
                + "</x:xmpmeta>\n"
                + "<?xpacket end=\"w\"?>";
    }

    private static String esc(String s) {
        if (s == null) return "";
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
