package org.oriundos.warehouse.report.render;

import java.util.ArrayList;
import java.util.List;

/** A value axis with round tick values ({@code 1, 2, 2.5, 5} × 10^k) covering the data and zero. */
record Axis(double min, double max, double step) {

    static Axis covering(double dataMin, double dataMax) {
        return covering(dataMin, dataMax, 0);
    }

    /** As {@link #covering(double, double)}, with ticks at least {@code minimumStep} apart (1 for counts). */
    static Axis covering(double dataMin, double dataMax, double minimumStep) {
        double lo = Math.min(0, dataMin);
        double hi = Math.max(0, dataMax);
        if (hi - lo <= 0 || Double.isNaN(hi - lo)) {
            hi = lo + 1;
        }
        double step = Math.max(niceStep((hi - lo) / 5), minimumStep);
        return new Axis(Math.floor(lo / step + 1e-9) * step, Math.ceil(hi / step - 1e-9) * step, step);
    }

    /** As {@link #covering(double, double, double)}, over every value of the series (missing ones skipped). */
    static Axis covering(List<Series> series, double minimumStep) {
        double min = 0;
        double max = 0;
        for (Series s : series) {
            for (Double v : s.values()) {
                if (v != null) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return covering(min, max, minimumStep);
    }

    private static double niceStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * magnitude >= raw) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        long n = Math.round((max - min) / step);
        for (long i = 0; i <= n; i++) {
            ticks.add(min + i * step);
        }
        return ticks;
    }

    /** Decimals needed to write this axis's ticks exactly. */
    int decimals() {
        int decimals = 0;
        double s = step;
        while (decimals < 6 && Math.abs(s - Math.rint(s)) > 1e-9) {
            s *= 10;
            decimals++;
        }
        return decimals;
    }

    /** Position of {@code value} between {@code from} (at min) and {@code to} (at max). */
    double scale(double value, double from, double to) {
        return from + (value - min) / (max - min) * (to - from);
    }
}
