package closedloop.bench;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class SvgChartUnitTests {

    @Test
    void drawsOnePolylineWithAPointPerValueAndAGoalLineInTheLegend() {
        SvgChart chart = new SvgChart("latency", "rate", true);
        chart.series("POST p99", points(10, 20, 20, 200, 40, 2000));
        chart.threshold("goal", 50);

        String svg = chart.render();

        assertThat(svg).startsWith("<svg").endsWith("</svg>\n");
        assertThat(count(svg, "<polyline")).isEqualTo(1);
        assertThat(count(svg, "<circle")).isEqualTo(3);
        assertThat(svg).contains(">POST p99<", ">- - goal<", "stroke-dasharray");
    }

    @Test
    void aHigherValueIsDrawnHigherOnALogarithmicScale() {
        SvgChart chart = new SvgChart("latency", "rate", true);
        chart.series("p99", points(1, 10, 2, 1000));

        Matcher circles = Pattern.compile("<circle cx=\"[\\d.]+\" cy=\"([\\d.]+)\"").matcher(chart.render());
        assertThat(circles.find()).isTrue();
        double low = Double.parseDouble(circles.group(1));
        assertThat(circles.find()).isTrue();
        double high = Double.parseDouble(circles.group(1));
        assertThat(high).isLessThan(low);
    }

    @Test
    void escapesTextThatWouldBreakTheMarkup() {
        SvgChart chart = new SvgChart("a < b & c", "x", false);
        chart.series("s", points(1, 1));

        assertThat(chart.render()).contains("a &lt; b &amp; c").doesNotContain("a < b");
    }

    @Test
    void shadesASpanBetweenTheXValuesAroundItAndLabelsIt() {
        SvgChart chart = new SvgChart("throughput", "seconds", false);
        chart.series("201/s", points(0, 2, 10, 2, 20, 2));
        chart.span(5, 15, "kill kafka");

        Matcher shade = Pattern.compile("<rect x=\"([\\d.]+)\" y=\"\\d+\" width=\"([\\d.]+)\"[^>]*fill-opacity")
                .matcher(chart.render());
        Matcher circles = Pattern.compile("<circle cx=\"([\\d.]+)\"").matcher(chart.render());

        assertThat(shade.find()).isTrue();
        double[] xs = new double[3];
        for (int i = 0; i < 3; i++) {
            assertThat(circles.find()).isTrue();
            xs[i] = Double.parseDouble(circles.group(1));
        }
        double from = Double.parseDouble(shade.group(1));
        double to = from + Double.parseDouble(shade.group(2));
        assertThat(from).isCloseTo((xs[0] + xs[1]) / 2, org.assertj.core.data.Offset.offset(0.5));
        assertThat(to).isCloseTo((xs[1] + xs[2]) / 2, org.assertj.core.data.Offset.offset(0.5));
        assertThat(chart.render()).contains(">kill kafka<");
    }

    private static Map<Double, Double> points(double... xy) {
        Map<Double, Double> points = new LinkedHashMap<>();
        for (int i = 0; i < xy.length; i += 2) {
            points.put(xy[i], xy[i + 1]);
        }
        return points;
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
