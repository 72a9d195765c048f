package fr.carnet.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * A small flowing layout engine over PDFBox: a cursor moving down A4 portrait pages, text wrapped
 * by the font's real glyph widths, a new page when the next block does not fit, tables whose
 * header is repeated on every page they run onto, and a tagged structure (Document, H1–H3, P,
 * Table/TR/TH/TD, Figure) with every drawn piece of content in a marked-content sequence.
 * Running headers and footers are drawn afterwards as artifacts, when the page count is known.
 */
final class PdfLayout {
    static final PDRectangle PAGE = PDRectangle.A4;
    static final float MARGIN_X = 50;
    static final float TOP = PAGE.getHeight() - 62;
    static final float BOTTOM = 64;
    static final float WIDTH = PAGE.getWidth() - 2 * MARGIN_X;

    static final float BODY = 9.5f;
    static final float SMALL = 8f;
    static final float LEADING = 1.32f;

    /** RGB colours of the document (DeviceRGB, covered by the sRGB output intent). */
    static final float[] INK = {0.13f, 0.13f, 0.15f};
    static final float[] MUTED = {0.38f, 0.40f, 0.44f};
    static final float[] ACCENT = {0.11f, 0.30f, 0.51f};
    static final float[] RULE = {0.78f, 0.80f, 0.83f};
    static final float[] HEADER_FILL = {0.90f, 0.93f, 0.96f};
    static final float[] STRIPE = {0.965f, 0.97f, 0.975f};

    /** Draws a block of content (a chart) into its rectangle of the current page. */
    interface Drawer {
        void draw(PDPageContentStream cs, PDRectangle area) throws IOException;
    }

    /** A table column: its header and its share of the table width. */
    record Column(String header, float weight) {}

    private final PDDocument doc;
    private final ReportFonts fonts;
    private final PDStructureTreeRoot treeRoot;
    private final PDStructureElement document;
    private final Map<PDPage, List<PDStructureElement>> parents = new HashMap<>();
    private final Map<PDFont, Map<Integer, Float>> widths = new HashMap<>();
    private final List<PDPage> sectionPages = new ArrayList<>();
    private PDStructureElement section;
    private PDPage page;
    private PDPageContentStream cs;
    private float y;

    PdfLayout(PDDocument doc, ReportFonts fonts, String language) {
        this.doc = doc;
        this.fonts = fonts;
        this.treeRoot = new PDStructureTreeRoot();
        doc.getDocumentCatalog().setStructureTreeRoot(treeRoot);
        this.document = new PDStructureElement(StandardStructureTypes.DOCUMENT, treeRoot);
        document.setLanguage(language);
        treeRoot.appendKid(document);
    }

    ReportFonts fonts() {
        return fonts;
    }

    /** Starts a new part (one household) on a new page, grouped under a Sect element. */
    void startSection(String title) {
        closePage();
        sectionPages.clear();
        section = new PDStructureElement(StandardStructureTypes.SECT, document);
        section.setTitle(title);
        document.appendKid(section);
        newPage();
    }

    /** The pages of the current part, for the running header and footer. */
    List<PDPage> sectionPages() {
        closePage();
        return List.copyOf(sectionPages);
    }

    private void newPage() {
        closePage();
        page = new PDPage(PAGE);
        doc.addPage(page);
        sectionPages.add(page);
        parents.put(page, new ArrayList<>());
        try {
            cs = new PDPageContentStream(doc, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y = TOP;
    }

    private void closePage() {
        if (cs == null) return;
        try {
            cs.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cs = null;
    }

    /** Moves to a new page unless {@code height} still fits above the bottom margin. */
    void ensure(float height) {
        if (y - height < BOTTOM && y < TOP) newPage(); // never leave an empty page behind
    }

    /** Vertical space. */
    void gap(float h) {
        y -= h;
    }

    float remaining() {
        return y - BOTTOM;
    }

    // ---- structure -----------------------------------------------------------------------

    private PDStructureElement element(String type, PDStructureNode parent) {
        PDStructureElement el = new PDStructureElement(type, parent);
        parent.appendKid(el);
        return el;
    }

    private PDStructureElement parent(PDStructureElement p) {
        return p != null ? p : section != null ? section : document;
    }

    /** Opens a marked-content sequence for {@code el} on the current page. */
    private void beginTagged(PDStructureElement el) throws IOException {
        List<PDStructureElement> list = parents.get(page);
        int mcid = list.size();
        list.add(el);
        COSDictionary props = new COSDictionary();
        props.setInt(COSName.MCID, mcid);
        cs.beginMarkedContent(COSName.getPDFName(el.getStructureType()), PDPropertyList.create(props));
        if (el.getPage() == null) {
            el.setPage(page);
            el.appendKid(PDMarkedContent.create(COSName.getPDFName(el.getStructureType()), props));
        } else if (el.getPage().getCOSObject() == page.getCOSObject()) {
            el.appendKid(PDMarkedContent.create(COSName.getPDFName(el.getStructureType()), props));
        } else {
            PDMarkedContentReference ref = new PDMarkedContentReference();
            ref.setPage(page);
            ref.setMCID(mcid);
            el.appendKid(ref);
        }
    }

    // ---- text ----------------------------------------------------------------------------

    /** A heading of level 1–3, kept with at least two lines of what follows it. */
    void heading(int level, String text) {
        float size = level == 1 ? 16 : level == 2 ? 12.5f : 10.5f;
        float before = level == 1 ? 0 : level == 2 ? 12 : 7;
        if (y < TOP) y -= before;
        List<String> lines = wrap(text, fonts.bold(), size, WIDTH);
        ensure(lines.size() * size * LEADING + 3 * BODY * LEADING);
        PDStructureElement el = element(level == 1 ? StandardStructureTypes.H1 : level == 2 ? StandardStructureTypes.H2 : StandardStructureTypes.H3,
                parent(null));
        try {
            beginTagged(el);
            for (String line : lines) {
                y -= size * LEADING;
                text(line, fonts.bold(), size, MARGIN_X, y + size * 0.3f, level == 3 ? INK : ACCENT);
            }
            cs.endMarkedContent();
            if (level == 2) {
                y -= 4;
                rule(MARGIN_X, y, MARGIN_X + WIDTH, y, ACCENT, 0.8f);
            }
            y -= level == 1 ? 6 : 3;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A paragraph of body text, wrapped, breaking across pages between lines. */
    void paragraph(String text) {
        paragraph(text, fonts.regular(), BODY, INK);
    }

    /** A paragraph in a given face, size and colour. */
    void paragraph(String text, PDFont font, float size, float[] colour) {
        if (text == null || text.isBlank()) return;
        PDStructureElement el = element(StandardStructureTypes.P, parent(null));
        List<String> lines = wrap(text, font, size, WIDTH);
        try {
            boolean open = false;
            for (String line : lines) {
                if (y - size * LEADING < BOTTOM) {
                    if (open) cs.endMarkedContent();
                    newPage();
                    open = false;
                }
                if (!open) {
                    beginTagged(el);
                    open = true;
                }
                y -= size * LEADING;
                text(line, font, size, MARGIN_X, y + size * 0.3f, colour);
            }
            if (open) cs.endMarkedContent();
            y -= size * 0.45f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Label/value pairs in two columns (a borderless two-column table), e.g. the situation. */
    void fields(List<String[]> pairs) {
        float labelWidth = 130;
        PDStructureElement table = element(StandardStructureTypes.TABLE, parent(null));
        try {
            for (String[] pair : pairs) {
                if (pair[1] == null || pair[1].isBlank()) continue;
                List<String> values = wrap(pair[1], fonts.regular(), BODY, WIDTH - labelWidth);
                List<String> labels = wrap(pair[0], fonts.bold(), BODY, labelWidth - 8);
                int n = Math.max(values.size(), labels.size());
                float h = n * BODY * LEADING + 2;
                ensure(Math.min(h, 4 * BODY * LEADING));
                PDStructureElement tr = element(StandardStructureTypes.TR, table);
                PDStructureElement th = element(StandardStructureTypes.TH, tr);
                PDStructureElement td = element(StandardStructureTypes.TD, tr);
                float top = y;
                beginTagged(th);
                float ly = top;
                for (String l : labels) {
                    ly -= BODY * LEADING;
                    text(l, fonts.bold(), BODY, MARGIN_X, ly + BODY * 0.3f, MUTED);
                }
                cs.endMarkedContent();
                boolean open = false, broke = false;
                float vy = top;
                for (String v : values) {
                    if (vy - BODY * LEADING < BOTTOM) {
                        if (open) cs.endMarkedContent();
                        newPage();
                        vy = y;
                        open = false;
                        broke = true;
                    }
                    if (!open) {
                        beginTagged(td);
                        open = true;
                    }
                    vy -= BODY * LEADING;
                    text(v, fonts.regular(), BODY, MARGIN_X + labelWidth, vy + BODY * 0.3f, INK);
                }
                if (open) cs.endMarkedContent();
                y = (broke ? vy : Math.min(ly, vy)) - 2;
            }
            y -= 4;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- tables --------------------------------------------------------------------------

    /**
     * A table with a header row, wrapped cells and zebra rows. A row that does not fit goes to
     * the next page, where the header is drawn again; a row taller than a page is split by lines.
     */
    void table(List<Column> columns, List<String[]> rows) {
        float total = 0;
        for (Column c : columns) total += c.weight();
        float[] w = new float[columns.size()];
        for (int i = 0; i < w.length; i++) w[i] = WIDTH * columns.get(i).weight() / total;
        float pad = 4;
        float line = SMALL * LEADING;
        PDStructureElement table = element(StandardStructureTypes.TABLE, parent(null));
        try {
            List<List<String>> head = new ArrayList<>();
            for (int i = 0; i < w.length; i++) head.add(wrap(columns.get(i).header(), fonts.bold(), SMALL, w[i] - 2 * pad));
            int headLines = head.stream().mapToInt(List::size).max().orElse(1);
            float headHeight = headLines * line + 2 * pad;
            // Never a header alone at the foot of a page: it goes with (up to 6 lines of) the first row.
            int firstLines = 1;
            if (!rows.isEmpty())
                for (int i = 0; i < w.length && i < rows.get(0).length; i++)
                    firstLines = Math.max(firstLines, wrap(rows.get(0)[i] == null ? "" : rows.get(0)[i], fonts.regular(), SMALL, w[i] - 2 * pad).size());
            ensure(headHeight + Math.min(firstLines, 6) * line + 2 * pad);
            drawHeader(table, head, w, headHeight, pad, line, true);
            for (int r = 0; r < rows.size(); r++) {
                String[] row = rows.get(r);
                List<List<String>> cells = new ArrayList<>();
                for (int i = 0; i < w.length; i++)
                    cells.add(wrap(i < row.length && row[i] != null ? row[i] : "", fonts.regular(), SMALL, w[i] - 2 * pad));
                int lines = cells.stream().mapToInt(List::size).max().orElse(1);
                PDStructureElement tr = element(StandardStructureTypes.TR, table);
                List<PDStructureElement> tds = new ArrayList<>();
                for (int i = 0; i < w.length; i++) tds.add(element(StandardStructureTypes.TD, tr));
                int from = 0;
                while (from < lines) {
                    int fit = (int) Math.floor((remaining() - 2 * pad) / line);
                    int left = lines - from;
                    // Keep a row whole when it fits on a fresh page; split only rows taller than a page.
                    if (fit < left && (fit < 2 || left * line + 2 * pad <= TOP - BOTTOM - headHeight)) {
                        newPage();
                        drawHeader(table, head, w, headHeight, pad, line, false);
                        continue;
                    }
                    int count = Math.min(fit, left);
                    float h = count * line + 2 * pad;
                    if (r % 2 == 1) fill(MARGIN_X, y - h, WIDTH, h, STRIPE);
                    float x = MARGIN_X;
                    for (int i = 0; i < w.length; i++) {
                        List<String> cl = cells.get(i);
                        if (from < cl.size()) {
                            beginTagged(tds.get(i));
                            float ty = y - pad;
                            for (int k = from; k < Math.min(cl.size(), from + count); k++) {
                                ty -= line;
                                text(cl.get(k), fonts.regular(), SMALL, x + pad, ty + SMALL * 0.3f, INK);
                            }
                            cs.endMarkedContent();
                        }
                        x += w[i];
                    }
                    y -= h;
                    rule(MARGIN_X, y, MARGIN_X + WIDTH, y, RULE, 0.4f);
                    from += count;
                    if (from < lines) {
                        newPage();
                        drawHeader(table, head, w, headHeight, pad, line, false);
                    }
                }
            }
            y -= 6;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void drawHeader(PDStructureElement table, List<List<String>> head, float[] w, float h, float pad, float line, boolean tagged)
            throws IOException {
        fill(MARGIN_X, y - h, WIDTH, h, HEADER_FILL);
        PDStructureElement tr = tagged ? element(StandardStructureTypes.TR, table) : null;
        if (!tagged) cs.beginMarkedContent(COSName.ARTIFACT); // a repeated header is pagination, read once
        float x = MARGIN_X;
        for (int i = 0; i < w.length; i++) {
            if (tagged) {
                PDStructureElement th = element(StandardStructureTypes.TH, tr);
                COSDictionary attrs = new COSDictionary();
                attrs.setName(COSName.O, "Table");
                attrs.setName(COSName.getPDFName("Scope"), "Column");
                th.getCOSObject().setItem(COSName.A, attrs);
                beginTagged(th);
            }
            float ty = y - pad;
            for (String l : head.get(i)) {
                ty -= line;
                text(l, fonts.bold(), SMALL, x + pad, ty + SMALL * 0.3f, ACCENT);
            }
            if (tagged) cs.endMarkedContent();
            x += w[i];
        }
        if (!tagged) cs.endMarkedContent();
        y -= h;
        rule(MARGIN_X, y, MARGIN_X + WIDTH, y, ACCENT, 0.6f);
    }

    // ---- figures -------------------------------------------------------------------------

    /** A figure of fixed height across the text width, with its alternative text. */
    void figure(float height, String alt, Drawer drawer) {
        ensure(height + 4);
        PDStructureElement el = element(StandardStructureTypes.Figure, parent(null));
        el.setAlternateDescription(alt);
        PDRectangle area = new PDRectangle(MARGIN_X, y - height, WIDTH, height);
        try {
            beginTagged(el);
            cs.saveGraphicsState();
            drawer.draw(cs, area);
            cs.restoreGraphicsState();
            cs.endMarkedContent();
            COSArray bbox = new COSArray();
            for (float v : new float[] {area.getLowerLeftX(), area.getLowerLeftY(), area.getUpperRightX(), area.getUpperRightY()})
                bbox.add(new org.apache.pdfbox.cos.COSFloat(v));
            COSDictionary attrs = new COSDictionary();
            attrs.setName(COSName.O, "Layout");
            attrs.setItem(COSName.BBOX, bbox);
            el.getCOSObject().setItem(COSName.A, attrs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y -= height + 8;
    }

    // ---- running header and footer -------------------------------------------------------

    /**
     * Draws, as pagination artifacts, a running header and a footer on each page of the current
     * part: {@code left}/{@code right} at the top, the {@code footer} text and the page number.
     */
    void decorate(String left, String right, String footer, java.util.function.BiFunction<Integer, Integer, String> pageLabel) {
        List<PDPage> pages = sectionPages();
        for (int i = 0; i < pages.size(); i++) {
            PDPage p = pages.get(i);
            try (PDPageContentStream s = new PDPageContentStream(doc, p, PDPageContentStream.AppendMode.APPEND, true, true)) {
                s.beginMarkedContent(COSName.ARTIFACT);
                float hy = PAGE.getHeight() - 36;
                String r = fit(right, fonts.regular(), SMALL, WIDTH * 0.45f);
                float rw = width(r, fonts.regular(), SMALL);
                String l = fit(left, fonts.bold(), SMALL, WIDTH - rw - 16);
                draw(s, l, fonts.bold(), SMALL, MARGIN_X, hy, MUTED);
                draw(s, r, fonts.regular(), SMALL, MARGIN_X + WIDTH - rw, hy, MUTED);
                line(s, MARGIN_X, hy - 6, MARGIN_X + WIDTH, hy - 6, RULE, 0.5f);
                String number = pageLabel.apply(i + 1, pages.size());
                float nw = width(number, fonts.regular(), SMALL);
                List<String> foot = wrap(footer, fonts.regular(), 7, WIDTH - nw - 20);
                float fy = 40;
                line(s, MARGIN_X, fy + 10, MARGIN_X + WIDTH, fy + 10, RULE, 0.5f);
                for (String f : foot) {
                    draw(s, f, fonts.regular(), 7, MARGIN_X, fy, MUTED);
                    fy -= 7 * LEADING;
                }
                draw(s, number, fonts.regular(), SMALL, MARGIN_X + WIDTH - nw, 40, INK);
                s.endMarkedContent();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Finishes the document's structure: the parent tree linking content back to its elements. */
    void finish() {
        closePage();
        PDNumberTreeNode tree = new PDNumberTreeNode(PDStructureElement.class);
        Map<Integer, COSArray> nums = new java.util.TreeMap<>();
        int key = 0;
        for (PDPage p : doc.getPages()) {
            List<PDStructureElement> list = parents.get(p);
            if (list == null) continue;
            COSArray arr = new COSArray();
            for (PDStructureElement el : list) arr.add(el);
            p.setStructParents(key);
            p.getCOSObject().setName(COSName.getPDFName("Tabs"), "S");
            nums.put(key++, arr);
        }
        COSArray flat = new COSArray();
        for (var e : nums.entrySet()) {
            flat.add(COSInteger.get(e.getKey()));
            flat.add(e.getValue());
        }
        tree.getCOSObject().setItem(COSName.NUMS, flat);
        treeRoot.setParentTree(tree);
        treeRoot.setParentTreeNextKey(key);
    }

    // ---- drawing primitives --------------------------------------------------------------

    private void text(String s, PDFont font, float size, float x, float baseline, float[] colour) throws IOException {
        draw(cs, s, font, size, x, baseline, colour);
    }

    private static void draw(PDPageContentStream s, String text, PDFont font, float size, float x, float baseline, float[] colour)
            throws IOException {
        if (text.isEmpty()) return;
        s.beginText();
        s.setNonStrokingColor(colour[0], colour[1], colour[2]);
        s.setFont(font, size);
        s.newLineAtOffset(x, baseline);
        s.showText(text);
        s.endText();
    }

    private void fill(float x, float y0, float w, float h, float[] c) throws IOException {
        cs.beginMarkedContent(COSName.ARTIFACT);
        cs.setNonStrokingColor(c[0], c[1], c[2]);
        cs.addRect(x, y0, w, h);
        cs.fill();
        cs.endMarkedContent();
    }

    private void rule(float x1, float y1, float x2, float y2, float[] c, float width) {
        try {
            cs.beginMarkedContent(COSName.ARTIFACT);
            line(cs, x1, y1, x2, y2, c, width);
            cs.endMarkedContent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void line(PDPageContentStream s, float x1, float y1, float x2, float y2, float[] c, float width) throws IOException {
        s.setStrokingColor(c[0], c[1], c[2]);
        s.setLineWidth(width);
        s.moveTo(x1, y1);
        s.lineTo(x2, y2);
        s.stroke();
    }

    // ---- measuring and wrapping ----------------------------------------------------------

    /** The width of {@code s} in points; characters the font cannot draw count as « ? ». */
    float width(String s, PDFont font, float size) {
        Map<Integer, Float> cache = widths.computeIfAbsent(font, f -> new HashMap<>());
        float w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += cache.computeIfAbsent(cp, c -> glyphWidth(font, c));
            i += Character.charCount(cp);
        }
        return w * size / 1000f;
    }

    private static float glyphWidth(PDFont font, int cp) {
        try {
            return font.getStringWidth(new String(Character.toChars(cp)));
        } catch (IOException | IllegalArgumentException e) {
            return -1;
        }
    }

    /** Replaces what the font cannot draw (and control characters) so that showText never throws. */
    String printable(String s, PDFont font) {
        Map<Integer, Float> cache = widths.computeIfAbsent(font, f -> new HashMap<>());
        StringBuilder b = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            boolean ok = !Character.isISOControl(cp) && cache.computeIfAbsent(cp, c -> glyphWidth(font, c)) >= 0;
            if (!ok && b == null) b = new StringBuilder(s.substring(0, i));
            if (b != null) {
                if (ok) b.appendCodePoint(cp);
                else b.append(Character.isWhitespace(cp) ? ' ' : '?');
            }
            i += n;
        }
        return b == null ? s : b.toString();
    }

    /**
     * Breaks {@code text} into lines no wider than {@code max}: at ordinary spaces (never at the
     * no-break spaces inside « 1 234,50 € »), at explicit line breaks, and inside a word only when
     * the word alone is wider than the line.
     */
    List<String> wrap(String text, PDFont font, float size, float max) {
        List<String> out = new ArrayList<>();
        if (text == null) text = "";
        for (String para : text.replace("\r", "").split("\n", -1)) {
            String p = printable(para.replace('\t', ' '), font);
            StringBuilder line = new StringBuilder();
            float lineW = 0;
            float space = width(" ", font, size);
            for (String word : p.split(" +")) {
                if (word.isEmpty()) continue;
                float ww = width(word, font, size);
                if (line.length() > 0 && lineW + space + ww <= max) {
                    line.append(' ').append(word);
                    lineW += space + ww;
                    continue;
                }
                if (line.length() > 0) {
                    out.add(line.toString());
                    line.setLength(0);
                    lineW = 0;
                }
                while (ww > max) { // a word wider than the line: cut it
                    int cut = 1;
                    while (cut < word.length() && width(word.substring(0, cut + 1), font, size) <= max) cut++;
                    out.add(word.substring(0, cut));
                    word = word.substring(cut);
                    ww = width(word, font, size);
                }
                line.append(word);
                lineW = ww;
            }
            out.add(line.toString());
        }
        return out;
    }

    /** {@code s} shortened with « … » to fit {@code max}. */
    String fit(String s, PDFont font, float size, float max) {
        s = printable(s == null ? "" : s, font);
        if (width(s, font, size) <= max) return s;
        while (!s.isEmpty() && width(s + "…", font, size) > max) s = s.substring(0, s.length() - 1);
        return s.strip() + "…";
    }
}
