package org.oriundos.warehouse.report.render;

/** A chart drawn as inline SVG: no script, no external font, so the page works offline and prints. */
public interface Chart {
    /** The chart's title, also the SVG's accessible name. */
    String title();

    /** A complete {@code <svg>} element, its numbers and words in {@code language}. */
    String toSvg(Language language);
}
