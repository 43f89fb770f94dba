package dev.ficus.tools;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlMetricNamesTest {
    @Test
    void takesTheSelectedMetricsNotFunctionsLabelsKeywordsOrVariables() {
        assertThat(PromQlMetricNames.of("histogram_quantile(0.99, sum by (domain, backend, le) "
                + "(rate(http_request_duration_seconds_bucket{component=\"gateway\",domain=~\"$domain\"}"
                + "[$__rate_interval])))")).containsExactly("http_request_duration_seconds_bucket");
        assertThat(PromQlMetricNames.of("max(ficus_sync_behind_source_ms) > 2000 and on () "
                + "sum(rate(ficus_sync_rows_total[1m])) > 0")).containsExactly("ficus_sync_behind_source_ms",
                "ficus_sync_rows_total");
        assertThat(PromQlMetricNames.of("sum by (topic) (a_total unless a_total offset 10m) / ignoring(x) "
                + "group_left(y) b{l='}'} or vector(1e3)")).containsExactly("a_total", "b");
    }
}
