package closedloop.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * A line chart as a self-contained SVG: a few series over shared x values (placed evenly, labelled with their value),
 * a linear or logarithmic y axis, dashed goal lines, and a legend.
 */
final class SvgChart {

    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
            "#e377c2", "#17becf"};
    private static final int WIDTH = 960;
    private static final int HEIGHT = 460;
    private static final int LEFT = 70;
    private static final int RIGHT = 260;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;
    /** At most this many x values are labelled (every n-th of more), so that the labels do not overlap. */
    private static final int MAX_X_LABELS = 16;

    private final String title;
    private final String xLabel;
    private final boolean logarithmic;
    private final Map<String, Map<Double, Double>> series = new LinkedHashMap<>();
    private final Map<String, Double> thresholds = new LinkedHashMap<>();
    private final List<Span> spans = new ArrayList<>();

    /** A stretch of x values to shade and label, e.g. while a part was away. */
    private record Span(double from, double to, String label) {
    }

    SvgChart(String title, String xLabel, boolean logarithmic) {
        this.title = title;
        this.xLabel = xLabel;
        this.logarithmic = logarithmic;
    }

    void series(String name, Map<Double, Double> points) {
        series.put(name, points);
    }

    void threshold(String name, double y) {
        thresholds.put(name, y);
    }

    /** Shades the x values from {@code from} to {@code to} (placed between the x values around them) and labels it. */
    void span(double from, double to, String label) {
        spans.add(new Span(from, to, label));
    }

    String render() {
        List<Double> xs = new ArrayList<>(new TreeSet<>(series.values().stream()
                .flatMap(points -> points.keySet().stream()).toList()));
        double max = series.values().stream().flatMap(points -> points.values().stream())
                .mapToDouble(Double::doubleValue).max().orElse(1);
        max = Math.max(max, thresholds.values().stream().mapToDouble(Double::doubleValue).max().orElse(0)) * 1.1;
        double min = logarithmic ? 1 : 0;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"15\">%s</text>%n", LEFT,
                escape(title)));
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"#888\"/>%n", LEFT, TOP, plotWidth, plotHeight));
        for (double tick : ticks(min, max)) {
            double y = y(tick, min, max, plotHeight);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT, LEFT + plotWidth, y, y,
                    LEFT - 6, y + 4, label(tick)));
        }
        int every = Math.max(1, (int) Math.ceil(xs.size() / (double) MAX_X_LABELS));
        for (int i = 0; i < xs.size(); i += every) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    x(i, xs.size(), plotWidth), TOP + plotHeight + 18, label(xs.get(i))));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                LEFT + plotWidth / 2, HEIGHT - 8, escape(xLabel)));
        for (int i = 0; i < spans.size(); i++) {
            Span span = spans.get(i);
            double from = between(span.from(), xs, plotWidth);
            double to = Math.max(from + 2, between(span.to(), xs, plotWidth));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
                    + "fill=\"#d62728\" fill-opacity=\"0.10\"/>%n", from, TOP, to - from, plotHeight));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" fill=\"#a00\">%s</text>%n",
                    from + 2, TOP + 12 + (i % 6) * 12, escape(span.label())));
        }
        int legend = 0;
        for (Map.Entry<String, Double> threshold : thresholds.entrySet()) {
            double y = y(threshold.getValue(), min, max, plotHeight);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#555\" "
                    + "stroke-dasharray=\"6 4\"/>%n", LEFT, LEFT + plotWidth, y, y));
            legend(svg, legend++, "#555", "- - " + threshold.getKey());
        }
        int colour = 0;
        for (Map.Entry<String, Map<Double, Double>> line : series.entrySet()) {
            String stroke = COLOURS[colour++ % COLOURS.length];
            StringBuilder points = new StringBuilder();
            for (Map.Entry<Double, Double> point : line.getValue().entrySet()) {
                double px = x(xs.indexOf(point.getKey()), xs.size(), plotWidth);
                double py = y(point.getValue(), min, max, plotHeight);
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n", px,
                        py, stroke));
            }
            svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" "
                    + "stroke-width=\"2\"/>%n", points.toString().strip(), stroke));
            legend(svg, legend++, stroke, line.getKey());
        }
        return svg.append("</svg>\n").toString();
    }

    private void legend(StringBuilder svg, int index, String colour, String name) {
        int y = TOP + 10 + index * 20;
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"4\" fill=\"%s\"/>"
                + "<text x=\"%d\" y=\"%d\">%s</text>%n", WIDTH - RIGHT + 16, y, colour, WIDTH - RIGHT + 36, y + 5,
                escape(name)));
    }

    private static double x(int index, int count, int plotWidth) {
        return LEFT + (count <= 1 ? plotWidth / 2.0 : 20 + index * (plotWidth - 40.0) / (count - 1));
    }

    /** Where an x value falls, placed linearly between the evenly placed x values around it. */
    private static double between(double value, List<Double> xs, int plotWidth) {
        if (xs.isEmpty()) {
            return LEFT;
        }
        if (value <= xs.get(0)) {
            return x(0, xs.size(), plotWidth);
        }
        for (int i = 1; i < xs.size(); i++) {
            if (value <= xs.get(i)) {
                double share = (value - xs.get(i - 1)) / (xs.get(i) - xs.get(i - 1));
                double left = x(i - 1, xs.size(), plotWidth);
                return left + share * (x(i, xs.size(), plotWidth) - left);
            }
        }
        return x(xs.size() - 1, xs.size(), plotWidth);
    }

    private double y(double value, double min, double max, int plotHeight) {
        double share = logarithmic
                ? (Math.log10(Math.max(min, value)) - Math.log10(min)) / (Math.log10(max) - Math.log10(min))
                : (value - min) / (max - min);
        return TOP + plotHeight - Math.max(0, Math.min(1, share)) * plotHeight;
    }

    private List<Double> ticks(double min, double max) {
        List<Double> ticks = new ArrayList<>();
        if (logarithmic) {
            for (double tick = 1; tick <= max; tick *= 10) {
                ticks.add(tick);
            }
            return ticks;
        }
        double step = Math.pow(10, Math.floor(Math.log10(Math.max(1e-9, max / 5))));
        while (max / step > 8) {
            step *= 2;
        }
        for (double tick = 0; tick <= max; tick += step) {
            ticks.add(tick);
        }
        return ticks;
    }

    private static String label(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%,d", (long) value)
                : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
