package dev.ficus.bench.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ficus.bench.load.Reply;
import dev.ficus.bench.tool.NginxProxy;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class GatewayBudgetsTest {

    @Test
    void addedLatencyIsTheDifferenceOfTheP99s() {
        assertThat(GatewayBudgets.addedMs(1.20, 1.95)).isEqualTo(0.75, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(GatewayBudgets.addedWithinBudget(1.20, 2.19)).isTrue();
        assertThat(GatewayBudgets.addedWithinBudget(1.20, 2.20)).isFalse();
        assertThat(GatewayBudgets.signedMs(-0.1)).isEqualTo("-0.10 ms");
        assertThat(GatewayBudgets.signedMs(0.42)).isEqualTo("+0.42 ms");
    }

    @Test
    void theGatewayMustReachEightyPercentOfNginx() {
        assertThat(GatewayBudgets.nginxShareWithinBudget(8000, 10000)).isTrue();
        assertThat(GatewayBudgets.nginxShareWithinBudget(7999, 10000)).isFalse();
        assertThat(GatewayBudgets.nginxShareWithinBudget(5000, 0)).isFalse();
        assertThat(GatewayBudgets.percent(7999, 10000)).isEqualTo("80.0 %");
        assertThat(GatewayBudgets.percent(1, 0)).isEqualTo("0.0 %");
    }

    @Test
    void asAPlainProxyTheGatewayMustReachNinetyPercentAndStayWithinHalfAMillisecond() {
        assertThat(GatewayBudgets.staticShareWithinBudget(0.90)).isTrue();
        assertThat(GatewayBudgets.staticShareWithinBudget(0.8999)).isFalse();
        assertThat(GatewayBudgets.staticP99WithinBudget(0.5)).isTrue();
        assertThat(GatewayBudgets.staticP99WithinBudget(0.501)).isFalse();
        assertThat(GatewayBudgets.staticP99WithinBudget(-1.2)).isTrue();
    }

    @Test
    void theMedianOfRoundFiguresAveragesTheMiddleTwoOfAnEvenCount() {
        assertThat(GatewayBudgets.median(List.of(0.95, 0.80, 0.91))).isEqualTo(0.91);
        assertThat(GatewayBudgets.median(List.of(0.80, 1.0))).isEqualTo(0.90);
        assertThat(GatewayBudgets.median(List.of(0.3))).isEqualTo(0.3);
        assertThatThrownBy(() -> GatewayBudgets.median(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void failoverMustTakeLessThanOneSecond() {
        assertThat(GatewayBudgets.failoverWithinBudget(999_999_999L)).isTrue();
        assertThat(GatewayBudgets.failoverWithinBudget(1_000_000_000L)).isFalse();
    }

    @Test
    void failoverTalliesTheFirstMagentoReadAfterTheKillAndEveryFailure() {
        FailoverTally tally = new FailoverTally();
        tally.accept(new Reply(0, 900, 200, "catalog", null));
        tally.accept(new Reply(950, 1_050, 200, "catalog", null));       // in flight as the service stopped
        tally.accept(new Reply(1_000, 1_400, 200, "magento", null));
        tally.accept(new Reply(1_010, 1_200, 200, "magento", null));     // completes first
        tally.accept(new Reply(1_020, 1_300, 502, "magento", null));
        tally.accept(new Reply(1_030, 3_000, 0, null, "timeout"));

        FailoverTally.Result r = tally.result(1_000, "catalog");

        assertThat(r.reads()).isEqualTo(6);
        assertThat(r.failed()).isEqualTo(2);
        assertThat(r.firstMagentoNanos()).isEqualTo(OptionalLong.of(200));
        assertThat(r.servedByServiceAfter()).isEqualTo(1);
        assertThat(new FailoverTally().result(0, "catalog").firstMagentoNanos()).isEmpty();
    }

    @Test
    void backendCountsTellWhoServedTheReads() {
        BackendCounts counts = new BackendCounts();
        counts.accept(new Reply(0, 1, 200, "catalog", null));
        counts.accept(new Reply(0, 1, 200, "catalog", null));
        counts.accept(new Reply(0, 1, 200, "catalog", null));
        counts.accept(new Reply(0, 1, 200, "magento", null));

        assertThat(counts.describe()).isEqualTo("catalog 75.0 %, magento 25.0 %");
        assertThat(counts.allFrom("catalog")).isFalse();
        assertThat(new BackendCounts().allFrom("catalog")).isFalse();
        BackendCounts direct = new BackendCounts();
        direct.accept(new Reply(0, 1, 200, null, null));
        direct.accept(new Reply(0, 1, 0, null, "refused"));
        assertThat(direct.describe()).isEqualTo("no answer 50.0 %, none 50.0 %");
    }

    @Test
    void theOriginServesItsOneFileForEveryPathWithoutAnEtag() {
        String conf = NginxProxy.originConfig(Path.of("/tmp/o"), 4300, Path.of("/tmp/o/product.json"), 1, false);

        assertThat(conf).contains("worker_processes 1;", "daemon off;", "pid /tmp/o/nginx.pid;", "access_log off;",
                "default_type application/json;", "etag off;", "listen 127.0.0.1:4300;", "root /tmp/o;",
                "try_files /product.json =404;", "keepalive_requests 1000000;").doesNotContain("proxy_pass");
        assertThat(conf.chars().filter(c -> c == '{').count()).isEqualTo(conf.chars().filter(c -> c == '}').count());
    }

    @Test
    void nginxConfigurationKeepsEveryFileInItsDirectoryAndConnectionsAlive() {
        String conf = NginxProxy.config(Path.of("/tmp/n"), 4100, 4200, 2, false);

        assertThat(conf).contains("worker_processes 2;", "daemon off;", "pid /tmp/n/nginx.pid;",
                "error_log /tmp/n/error.log warn;", "access_log off;", "proxy_temp_path /tmp/n/proxy;",
                "server 127.0.0.1:4200;", "keepalive 256;", "listen 127.0.0.1:4100;", "proxy_http_version 1.1;",
                "proxy_set_header Connection \"\";").doesNotContain("user root;");
        assertThat(NginxProxy.config(Path.of("/tmp/n"), 1, 2, 1, true)).startsWith("user root;\n");
    }
}
