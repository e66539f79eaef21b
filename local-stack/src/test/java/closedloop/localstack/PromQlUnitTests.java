package closedloop.localstack;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromQlUnitTests {

    @Test
    void readsTheMetricNamesOfAnExpressionWithoutFunctionsKeywordsLabelsOrRanges() {
        assertThat(PromQl.metricNames("histogram_quantile(0.9, sum by (le) (rate(closedloop_a_bucket{x=\"y\"}[1d]"
                + " offset 1h))) > 2 * max without (instance) (b:c) and on (job) up unless deriv(d[15m:1m]) > bool 0"))
                .containsExactlyInAnyOrder("closedloop_a_bucket", "b:c", "up", "d");
    }

    @Test
    void readsNoNameFromALabelValueThatLooksLikeOne() {
        assertThat(PromQl.metricNames("max(resilience4j_circuitbreaker_state{state=~\"open|forced_open\"}) == 1"))
                .containsExactly("resilience4j_circuitbreaker_state");
    }
}
