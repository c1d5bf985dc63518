package org.oriundos.warehouse.report.render;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Where each text of a chart falls, without a browser: its box from its position, anchor, size,
 * weight and rotation, its width from the font's metrics ({@link TextMetrics}, Liberation Sans),
 * its height from the font's ascent and descent. A text whose box leaves the SVG's viewBox is cut
 * off on the page; a text with an ellipsis was cut by the code.
 */
public final class SvgTextBounds {
    /** Liberation Sans' ascent and descent, in ems. */
    private static final double ASCENT = 0.905;
    private static final double DESCENT = 0.212;
    private static final double TOLERANCE = 0.5;
    private static final Pattern ROTATE = Pattern.compile(
            "rotate\\(\\s*([-0-9.]+)(?:[\\s,]+([-0-9.]+)[\\s,]+([-0-9.]+))?\\s*\\)");

    /** One text of a chart and its box. */
    public record Placed(String text, double minX, double minY, double maxX, double maxY) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "'%s' at [%.1f, %.1f]-[%.1f, %.1f]", text, minX, minY, maxX, maxY);
        }
    }

    private SvgTextBounds() {
    }

    /** The texts of one {@code <svg>} that leave its viewBox, or were cut with an ellipsis. */
    public static List<String> problems(String svg) {
        Document doc = parse(svg);
        Element root = doc.getDocumentElement();
        String[] box = root.getAttribute("viewBox").trim().split("\\s+");
        double width = Double.parseDouble(box[2]);
        double height = Double.parseDouble(box[3]);
        String title = root.getAttribute("aria-label");
        List<String> problems = new ArrayList<>();
        for (Placed p : texts(doc)) {
            if (p.minX() < -TOLERANCE || p.minY() < -TOLERANCE || p.maxX() > width + TOLERANCE
                    || p.maxY() > height + TOLERANCE) {
                problems.add("chart '" + title + "' (" + (int) width + "x" + (int) height + "): " + p + " leaves the chart");
            }
            if (p.text().contains("\u2026")) {
                problems.add("chart '" + title + "': " + p + " was cut");
            }
        }
        return problems;
    }

    /** Every {@code <svg>…</svg>} in a page, in order. */
    public static List<String> svgsIn(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<svg .*?</svg>", Pattern.DOTALL).matcher(html);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    static List<Placed> texts(Document doc) {
        List<Placed> out = new ArrayList<>();
        NodeList texts = doc.getElementsByTagNameNS("*", "text");
        for (int i = 0; i < texts.getLength(); i++) {
            Element t = (Element) texts.item(i);
            String text = t.getTextContent();
            double x = Double.parseDouble(t.getAttribute("x"));
            double y = Double.parseDouble(t.getAttribute("y"));
            double size = Double.parseDouble(t.getAttribute("font-size"));
            boolean bold = "bold".equals(t.getAttribute("font-weight"));
            double w = TextMetrics.width(text, size, bold);
            String anchor = t.getAttribute("text-anchor");
            double x0 = anchor.equals("end") ? x - w : anchor.equals("middle") ? x - w / 2 : x;
            double[][] corners = {{x0, y - ASCENT * size}, {x0 + w, y - ASCENT * size}, {x0, y + DESCENT * size},
                {x0 + w, y + DESCENT * size}};
            Matcher r = ROTATE.matcher(t.getAttribute("transform"));
            if (r.find()) {
                double angle = Math.toRadians(Double.parseDouble(r.group(1)));
                double cx = r.group(2) == null ? 0 : Double.parseDouble(r.group(2));
                double cy = r.group(3) == null ? 0 : Double.parseDouble(r.group(3));
                for (double[] c : corners) {
                    double dx = c[0] - cx;
                    double dy = c[1] - cy;
                    c[0] = cx + dx * Math.cos(angle) - dy * Math.sin(angle);
                    c[1] = cy + dx * Math.sin(angle) + dy * Math.cos(angle);
                }
            }
            double minX = Double.MAX_VALUE;
            double minY = Double.MAX_VALUE;
            double maxX = -Double.MAX_VALUE;
            double maxY = -Double.MAX_VALUE;
            for (double[] c : corners) {
                minX = Math.min(minX, c[0]);
                maxX = Math.max(maxX, c[0]);
                minY = Math.min(minY, c[1]);
                maxY = Math.max(maxY, c[1]);
            }
            out.add(new Placed(text, minX, minY, maxX, maxY));
        }
        return out;
    }

    private static Document parse(String svg) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalArgumentException("not a well-formed SVG: " + e.getMessage(), e);
        }
    }
}
