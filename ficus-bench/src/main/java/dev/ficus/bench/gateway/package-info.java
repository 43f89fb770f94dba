/**
 * {@code ficus bench gateway} in two modes.
 *
 * <p>{@code --upstream service} ({@link dev.ficus.bench.gateway.GatewayBench}): catalog reads straight to the catalog
 * service, through the gateway with {@code catalog_read=true}, and through NGINX as a plain reverse proxy
 * ({@link dev.ficus.bench.tool.NginxProxy}: installed from Debian's package when missing, run as a child process
 * with its own configuration in a temporary directory, stopped after); then failover: under a steady read load
 * through the gateway the catalog service is stopped, and {@link dev.ficus.bench.gateway.FailoverTally} gives the
 * time to the first read Magento served ({@code X-Ficus-Backend: magento}) and the reads that failed. Budgets:
 * under 1 ms added to the direct p99 at 2,000 req/s, at least 80 % of NGINX's highest rate, failover under 1 s with
 * no failed read.
 *
 * <p>{@code --upstream static} ({@link dev.ficus.bench.gateway.StaticUpstreamBench}): the proxy's own cost. NGINX
 * serves {@link dev.ficus.bench.gateway.StaticProduct} from a file; the same read goes straight to it, through the
 * gateway ({@link dev.ficus.bench.gateway.GatewayProcess}, a JVM of its own, every flag off) and through NGINX as a
 * plain proxy. Budgets: at least 90 % of NGINX's req/s, p99 within 0.5 ms of NGINX's.
 *
 * <p>{@link dev.ficus.bench.gateway.GatewayBudgets} holds every budget and its arithmetic.
 */
package dev.ficus.bench.gateway;
