package dev.ficus.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WrkLoadTest {
    private static final String HUMAN_PART = """
            Running 10s test @ http://127.0.0.1:4100/rest/V1/products/24-MB01
              1 threads and 32 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency   573.37us  156.82us   3.57ms   87.56%
                Req/Sec    56.26k     5.52k   63.26k    60.00%
              111561 requests in 2.00s, 348.65MB read
            Requests/sec:  55750.90
            """;

    @Test
    void theScriptsLineGivesRateLatenciesAndNoErrors() {
        LoadResult r = WrkLoad.parse(HUMAN_PART + "ficus-wrk duration_us=2000000 requests=111560 connect=0 read=0 "
                + "write=0 status=0 timeout=0 p50_us=519 p99_us=1052 p999_us=2176 max_us=3574\n");

        assertThat(r.okPerSecond()).isEqualTo(55_780.0);
        assertThat(r.sent()).isEqualTo(111_560);
        assertThat(r.errors()).isZero();
        assertThat(r.sampleError()).isNull();
        assertThat(r.p50()).isEqualTo("0.52");
        assertThat(r.p99()).isEqualTo("1.05");
        assertThat(r.p999()).isEqualTo("2.18");
        assertThat(r.latencies().maxMs()).isEqualTo(3.574);
    }

    @Test
    void failedStatusesAreAnswersButNotOkAndSocketErrorsAreUnansweredRequests() {
        LoadResult r = WrkLoad.parse("ficus-wrk duration_us=1000000 requests=100 connect=1 read=2 write=0 "
                + "status=10 timeout=3 p50_us=1 p99_us=2 p999_us=3 max_us=4");

        assertThat(r.ok()).isEqualTo(90);
        assertThat(r.errors()).isEqualTo(16);
        assertThat(r.sent()).isEqualTo(106);
        assertThat(r.sampleError()).isEqualTo("HTTP 4xx/5xx");
        assertThat(WrkLoad.parse("ficus-wrk duration_us=1000000 requests=100 connect=0 read=2 write=0 status=0 "
                + "timeout=3 p50_us=1 p99_us=2 p999_us=3 max_us=4").sampleError()).isEqualTo("timed out");
    }

    @Test
    void outputWithoutTheLineOrWithoutAFieldIsAnErrorThatShowsIt() {
        assertThatThrownBy(() -> WrkLoad.parse(HUMAN_PART)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no summary line").hasMessageContaining("Requests/sec");
        assertThatThrownBy(() -> WrkLoad.parse("ficus-wrk duration_us=1 requests=1"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no status");
    }

    @Test
    void theCommandHasOneThreadWholeSecondsTheHeadersAndThePath() {
        HttpTarget target = new HttpTarget("gateway", "127.0.0.1", 4100, List.of("/rest/V1/products/24-MB01"),
                Map.of("Authorization", "Bearer abc"));

        List<String> command = WrkLoad.command(Path.of("/usr/bin/wrk"), Path.of("/tmp/w/ficus-wrk.lua"), target, 32,
                Duration.ofMillis(2_500), Duration.ofSeconds(2));

        assertThat(command).containsExactly("/usr/bin/wrk", "--threads", "1", "--connections", "32",
                "--duration", "3s", "--timeout", "2s", "--script", "/tmp/w/ficus-wrk.lua",
                "--header", "Authorization: Bearer abc", "http://127.0.0.1:4100/rest/V1/products/24-MB01");
        assertThat(WrkLoad.wholeSeconds(Duration.ofMillis(200))).isEqualTo(1);
        assertThat(WrkLoad.wholeSeconds(Duration.ofSeconds(10))).isEqualTo(10);
        assertThatThrownBy(() -> WrkLoad.command(Path.of("wrk"), Path.of("s.lua"),
                new HttpTarget("two", "127.0.0.1", 1, List.of("/a", "/b"), Map.of()), 1, Duration.ofSeconds(1),
                Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one path");
    }

    @Test
    void theScriptPrintsTheLineTheParserReads() {
        assertThat(WrkLoad.SCRIPT).contains("done = function(summary, latency, requests)",
                "\"ficus-wrk duration_us=%d requests=%d", "latency:percentile(99.9)", "\\n\"");
    }
}
