package io.posture.evidence.internal;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;

/**
 * A4 pages of flowing text with headings, wrapped lines and a line chart, on PDFBox. Text a
 * standard PDF font cannot show is replaced rather than failing the report.
 */
public final class PdfWriter implements AutoCloseable {

    private static final float MARGIN = 50;
    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private static final PDType1Font MONO = new PDType1Font(Standard14Fonts.FontName.COURIER);

    public enum Style { TITLE, HEADING, SUBHEADING, TEXT, SMALL, CODE }

    /** A point of a chart: x in epoch milliseconds, y from 0 to 100 (null: no value). */
    public record Point(long x, Double y) {
    }

    private final PDDocument document = new PDDocument();
    private PDPageContentStream content;
    private float y;

    public PdfWriter(String title, java.time.Instant created) {
        var info = document.getDocumentInformation();
        info.setTitle(title);
        info.setCreator("Posture");
        var calendar = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(created.toEpochMilli());
        // fixed dates: the same evidence gives the same file
        info.setCreationDate(calendar);
        info.setModificationDate(calendar);
        document.setDocumentId((long) (title + created).hashCode());
        newPage();
    }

    public void newPage() {
        try {
            if (content != null) {
                content.close();
            }
            var page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void text(Style style, String text) {
        var font = switch (style) {
            case TITLE, HEADING, SUBHEADING -> BOLD;
            case CODE -> MONO;
            default -> REGULAR;
        };
        float size = switch (style) {
            case TITLE -> 22;
            case HEADING -> 15;
            case SUBHEADING -> 11.5f;
            case SMALL, CODE -> 8.5f;
            case TEXT -> 10;
        };
        if (style == Style.HEADING || style == Style.SUBHEADING) {
            space(size * 0.6f);
        }
        for (var line : wrap(showable(font, text == null ? "" : text), font, size, PDRectangle.A4.getWidth() - 2 * MARGIN)) {
            ensure(size * 1.35f);
            try {
                content.beginText();
                content.setFont(font, size);
                content.newLineAtOffset(MARGIN, y - size);
                content.showText(line);
                content.endText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            y -= size * 1.35f;
        }
    }

    public void space(float points) {
        y -= points;
    }

    /** A line chart of 0–100 values over [from, to], with a light grid and the first and last dates under it. */
    public void chart(List<List<Point>> series, List<Color> colours, long from, long to, String firstLabel, String lastLabel) {
        float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        float height = 150;
        ensure(height + 40);
        y -= 10;
        float bottom = y - height;
        try {
            content.setStrokingColor(new Color(220, 220, 220));
            content.setLineWidth(0.5f);
            for (int grid = 0; grid <= 100; grid += 25) {
                float gy = bottom + height * grid / 100f;
                content.moveTo(MARGIN + 20, gy);
                content.lineTo(MARGIN + width, gy);
                content.stroke();
                label(String.valueOf(grid), MARGIN, gy - 3);
            }
            for (int index = 0; index < series.size(); index++) {
                content.setStrokingColor(colours.get(index));
                content.setNonStrokingColor(colours.get(index));
                content.setLineWidth(1.5f);
                boolean drawing = false;
                for (var point : series.get(index)) {
                    if (point.y() == null) {
                        drawing = false;
                        continue;
                    }
                    float px = MARGIN + 20 + (width - 20) * (to == from ? 1 : (float) (point.x() - from) / (to - from));
                    float py = bottom + height * point.y().floatValue() / 100f;
                    if (drawing) {
                        content.lineTo(px, py);
                    } else {
                        content.moveTo(px, py);
                        drawing = true;
                    }
                }
                content.stroke();
                for (var point : series.get(index)) {
                    if (point.y() != null) {
                        float px = MARGIN + 20 + (width - 20) * (to == from ? 1 : (float) (point.x() - from) / (to - from));
                        content.addRect(px - 1.5f, bottom + height * point.y().floatValue() / 100f - 1.5f, 3, 3);
                    }
                }
                content.fill();
            }
            content.setNonStrokingColor(Color.DARK_GRAY);
            label(firstLabel, MARGIN + 20, bottom - 12);
            label(lastLabel, MARGIN + width - REGULAR.getStringWidth(lastLabel) / 1000 * 8, bottom - 12);
            content.setNonStrokingColor(Color.BLACK);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y = bottom - 24;
    }

    public byte[] finish() {
        try {
            content.close();
            var out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void label(String text, float x, float baseline) throws IOException {
        content.beginText();
        content.setFont(REGULAR, 8);
        content.newLineAtOffset(x, baseline);
        content.showText(showable(REGULAR, text));
        content.endText();
    }

    private void ensure(float needed) {
        if (y - needed < MARGIN) {
            newPage();
        }
    }

    private static String showable(PDType1Font font, String text) {
        var out = new StringBuilder();
        text.codePoints().forEach(codePoint -> {
            var character = codePoint == '\t' ? " " : Character.toString(codePoint);
            try {
                font.encode(character);
                out.append(character);
            } catch (IOException | IllegalArgumentException notInFont) {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static List<String> wrap(String text, PDType1Font font, float size, float width) {
        var lines = new ArrayList<String>();
        for (var paragraph : text.split("\n", -1)) {
            var line = new StringBuilder();
            for (var word : paragraph.split(" ")) {
                var candidate = line.isEmpty() ? word : line + " " + word;
                if (width(font, size, candidate) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                var rest = word;
                while (width(font, size, rest) > width) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && width(font, size, rest.substring(0, cut)) > width) {
                        cut--;
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static float width(PDType1Font font, float size, String text) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException | IllegalArgumentException e) {
            return text.length() * size * 0.6f;
        }
    }
}
