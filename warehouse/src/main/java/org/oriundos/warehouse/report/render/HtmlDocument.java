package org.oriundos.warehouse.report.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A self-contained HTML report: inline CSS, inline SVG charts, no script and nothing fetched, so
 * the one file can be mailed, archived and printed. Figures and tables are numbered in order;
 * every table links to the CSV file written beside the page.
 */
public final class HtmlDocument {
    private static final String CSS = """
            :root { color-scheme: light; }
            * { box-sizing: border-box; }
            body { margin: 0; background: #f4f4f1; color: #1a1a1a;
                   font-family: 'Liberation Sans', 'DejaVu Sans', Arial, sans-serif; font-size: 15px; line-height: 1.5; }
            main { max-width: 1060px; margin: 0 auto; padding: 28px 32px 48px; background: #ffffff; }
            header.report { border-bottom: 3px solid #0072B2; margin-bottom: 24px; padding-bottom: 12px; }
            header.report .institution { font-size: 16px; font-weight: bold; color: #0b4f7c; margin: 0 0 6px;
                                         letter-spacing: 0.02em; }
            header.report h1 { font-size: 28px; margin: 0 0 4px; }
            header.report p { margin: 2px 0; color: #444; }
            header.report dl { display: grid; grid-template-columns: max-content auto; gap: 2px 14px;
                               margin: 10px 0 0; font-size: 13.5px; color: #333; }
            header.report dt { font-weight: bold; }
            header.report dd { margin: 0; }
            nav.toc { background: #f7f9fb; border: 1px solid #dde3e8; padding: 10px 18px; margin: 0 0 28px; }
            nav.toc h2 { font-size: 15px; margin: 4px 0; border: 0; padding: 0; }
            nav.toc ol { margin: 4px 0 6px; padding-left: 22px; }
            nav.toc a { color: #0b4f7c; text-decoration: none; }
            section { margin-top: 36px; }
            h2 { font-size: 21px; border-bottom: 1px solid #ccd; padding-bottom: 4px; margin: 0 0 12px; }
            h3 { font-size: 17px; margin: 24px 0 8px; }
            p { margin: 8px 0; }
            figure { margin: 18px 0 24px; }
            figure svg { display: block; max-width: 100%; height: auto; border: 1px solid #e4e4e4; }
            figcaption, caption { font-size: 13px; color: #333; text-align: left; }
            figcaption { margin-top: 6px; }
            .table-wrap { margin: 14px 0 24px; overflow-x: auto; }
            @media screen { .table-wrap.long { max-height: 560px; overflow-y: auto; border-bottom: 1px solid #ccc; } }
            .table-wrap.long thead th { position: sticky; top: 0; }
            table { border-collapse: collapse; width: 100%; font-size: 12.5px; font-variant-numeric: tabular-nums; }
            caption { caption-side: top; padding: 0 0 6px; font-weight: bold; }
            caption .csv { font-weight: normal; color: #555; margin-left: 8px; }
            th, td { border-bottom: 1px solid #e3e3e3; padding: 4px 7px; vertical-align: top; }
            thead th { border-bottom: 2px solid #777; background: #f3f5f7; text-align: left; vertical-align: bottom;
                       font-size: 12px; }
            th.num { text-align: right; }
            td.num { text-align: right; white-space: nowrap; }
            td.text:first-child, th.text:first-child { min-width: 9em; }
            td.year { white-space: nowrap; }
            tbody tr:nth-child(even) { background: #fafafa; }
            .table-wrap.wide table { font-size: 11px; }
            .table-wrap.wide th, .table-wrap.wide td { padding: 3px 4px; }
            .table-wrap.wide thead th { font-size: 10.5px; }
            .table-wrap.wide td.text:first-child, .table-wrap.wide th.text:first-child { min-width: 0; }
            td .absent, td.absent { color: #777; font-style: italic; }
            p.note { font-size: 12.5px; color: #444; margin: -18px 0 24px; }
            p.empty { color: #555; font-style: italic; }
            p.callout { border-left: 4px solid #D55E00; background: #fdf3ec; padding: 8px 12px; margin: 12px 0; }
            footer { margin-top: 40px; border-top: 1px solid #ccd; padding-top: 8px; font-size: 12px; color: #555; }
            @media print {
              body { background: #fff; }
              main { max-width: none; padding: 0; }
              nav.toc { display: none; }
              figure, .table-wrap { break-inside: avoid; }
              section { break-before: auto; }
              .table-wrap { overflow: visible; }
            }
            """;

    private static final int LONG_TABLE = 30;
    /** A table with more columns than this is set smaller, so that it fits the page instead of scrolling sideways. */
    private static final int WIDE_TABLE = 10;

    private final String title;
    private final List<String> subtitleLines;
    private final Language language;
    private final NumberText numbers;
    private final List<String[]> titleBlock = new ArrayList<>();
    private String institution;
    private final List<String[]> sections = new ArrayList<>();
    private final StringBuilder body = new StringBuilder();
    private final List<String> footer = new ArrayList<>();
    private boolean sectionOpen;
    private int figures;
    private int tables;

    public HtmlDocument(String title, List<String> subtitleLines) {
        this(title, subtitleLines, Language.EN);
    }

    /** A page in {@code language}: its {@code lang}, the frame's words and every number follow it. */
    public HtmlDocument(String title, List<String> subtitleLines, Language language) {
        this.title = Objects.requireNonNull(title, "title");
        this.subtitleLines = List.copyOf(subtitleLines);
        this.language = Objects.requireNonNull(language, "language");
        this.numbers = language.numbers();
    }

    public Language language() {
        return language;
    }

    /** The institution that issues the report, shown above the title; null or blank for none. */
    public HtmlDocument institution(String name) {
        this.institution = name == null || name.isBlank() ? null : name.strip();
        return this;
    }

    /** A line of the title block under the title: a label and its value ("Prepared with", "oriundos 1.2"). */
    public HtmlDocument titleBlock(String label, String value) {
        titleBlock.add(new String[] {Objects.requireNonNull(label, "label"), Objects.requireNonNull(value, "value")});
        return this;
    }

    /** Starts a numbered section; it is listed in the contents. */
    public HtmlDocument section(String id, String heading) {
        if (!id.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("a section id must be lower-case letters, digits and -: " + id);
        }
        closeSection();
        sections.add(new String[] {id, heading});
        body.append("<section id=\"").append(id).append("\">\n<h2>").append(sections.size()).append(". ")
                .append(Html.escape(heading)).append("</h2>\n");
        sectionOpen = true;
        return this;
    }

    public HtmlDocument subheading(String text) {
        body.append("<h3>").append(Html.escape(text)).append("</h3>\n");
        return this;
    }

    /** A paragraph of plain text (escaped). */
    public HtmlDocument paragraph(String text) {
        body.append("<p>").append(Html.escape(text)).append("</p>\n");
        return this;
    }

    /** A warning the reader must not miss (a figure that may mislead): set apart, in a box. */
    public HtmlDocument callout(String text) {
        body.append("<p class=\"callout\">").append(Html.escape(text)).append("</p>\n");
        return this;
    }

    /** Said where a section has nothing to show, so an empty part reads as such and not as an error. */
    public HtmlDocument emptyNote(String text) {
        body.append("<p class=\"empty\">").append(Html.escape(text)).append("</p>\n");
        return this;
    }

    public HtmlDocument chart(Chart chart, String caption) {
        figures++;
        body.append("<figure>\n").append(chart.toSvg(language)).append("\n<figcaption><strong>")
                .append(language.figure()).append(' ').append(figures)
                .append(".</strong> ").append(Html.escape(caption)).append("</figcaption>\n</figure>\n");
        return this;
    }

    public HtmlDocument table(ReportTable table) {
        tables++;
        // Long tables scroll on screen and print whole.
        body.append("<div class=\"table-wrap").append(table.rows().size() > LONG_TABLE ? " long" : "")
                .append(table.columns().size() > WIDE_TABLE ? " wide" : "")
                .append("\">\n<table>\n<caption>").append(language.table()).append(' ').append(tables).append(". ")
                .append(Html.escape(table.title())).append(" <span class=\"csv\">(CSV: <a href=\"")
                .append(Html.escape(table.csvName())).append("\">").append(Html.escape(table.csvName()))
                .append("</a>)</span></caption>\n<thead><tr>");
        for (TableColumn column : table.columns()) {
            body.append("<th scope=\"col\" class=\"").append(cssClass(column.kind())).append("\">")
                    .append(Html.escape(column.header())).append("</th>");
        }
        body.append("</tr></thead>\n<tbody>\n");
        if (table.rows().isEmpty()) {
            body.append("<tr><td colspan=\"").append(table.columns().size())
                    .append("\" class=\"absent\">").append(Html.escape(language.noRows())).append("</td></tr>\n");
        }
        for (List<Object> row : table.rows()) {
            body.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                TableColumn column = table.columns().get(i);
                Object value = row.get(i);
                String cls = cssClass(column.kind());
                if (value == null || value instanceof Absent) {
                    cls = (cls + " absent").trim();
                }
                body.append("<td").append(cls.isEmpty() ? "" : " class=\"" + cls + "\"").append('>')
                        .append(CellText.html(column.kind(), value, numbers)).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</tbody>\n</table>\n</div>\n");
        // The note stays outside the scrolling box, so it is read even when the table scrolls.
        if (!table.note().isEmpty()) {
            body.append("<p class=\"note\">").append(Html.escape(table.note())).append("</p>\n");
        }
        return this;
    }

    /** A line of the footer (sources, generation time). */
    public HtmlDocument footer(String line) {
        footer.add(line);
        return this;
    }

    public String render() {
        closeSection();
        StringBuilder out = new StringBuilder(body.length() + 8192);
        out.append("<!DOCTYPE html>\n<html lang=\"").append(language.code()).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                // No network, even by accident: the page may only use what it carries.
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("style-src 'unsafe-inline'; img-src data:\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n<main>\n<header class=\"report\">\n");
        if (institution != null) {
            out.append("<p class=\"institution\">").append(Html.escape(institution)).append("</p>\n");
        }
        out.append("<h1>").append(Html.escape(title)).append("</h1>\n");
        for (String line : subtitleLines) {
            out.append("<p>").append(Html.escape(line)).append("</p>\n");
        }
        if (!titleBlock.isEmpty()) {
            out.append("<dl>\n");
            for (String[] line : titleBlock) {
                out.append("<dt>").append(Html.escape(line[0])).append("</dt><dd>").append(Html.escape(line[1]))
                        .append("</dd>\n");
            }
            out.append("</dl>\n");
        }
        out.append("</header>\n<nav class=\"toc\"><h2>").append(Html.escape(language.contents())).append("</h2><ol>\n");
        for (String[] section : sections) {
            out.append("<li><a href=\"#").append(section[0]).append("\">").append(Html.escape(section[1]))
                    .append("</a></li>\n");
        }
        out.append("</ol></nav>\n").append(body).append("<footer>\n");
        for (String line : footer) {
            out.append("<p>").append(Html.escape(line)).append("</p>\n");
        }
        out.append("</footer>\n</main>\n</body>\n</html>\n");
        return out.toString();
    }

    private void closeSection() {
        if (sectionOpen) {
            body.append("</section>\n");
            sectionOpen = false;
        }
    }

    /** Numbers align right so their digits line up; years and text read from the left. */
    private static String cssClass(ColumnKind kind) {
        return switch (kind) {
            case TEXT -> "text";
            case YEAR -> "year";
            default -> "num";
        };
    }
}
