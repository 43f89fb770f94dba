package dev.ficus.gateway.health;

import dev.ficus.events.Domain;
import dev.ficus.gateway.flag.FlagWriter;
import dev.ficus.gateway.flag.Flags;
import dev.ficus.gateway.metrics.GatewayMetrics;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a flag off after its service failed too often in a row: at once in this gateway, then in the flag store (so
 * every replica follows, and it stays off until a person turns it on), with a history entry and one webhook alert.
 */
public final class AutoDisabler {
    private static final Logger LOG = LoggerFactory.getLogger(AutoDisabler.class);

    private final Flags flags;
    private final FlagWriter writer;
    private final WebhookAlerts alerts;
    private final GatewayMetrics metrics;
    private final String replica;
    private final Map<Domain, AtomicBoolean> inProgress = new EnumMap<>(Domain.class);

    public AutoDisabler(Flags flags, FlagWriter writer, WebhookAlerts alerts, GatewayMetrics metrics, String replica) {
        this.flags = flags;
        this.writer = writer;
        this.alerts = alerts;
        this.metrics = metrics;
        this.replica = replica;
        for (Domain d : Domain.values()) {
            inProgress.put(d, new AtomicBoolean());
        }
    }

    void trigger(Domain domain, int failures, List<String> errors) {
        AtomicBoolean guard = inProgress.get(domain);
        if (!guard.compareAndSet(false, true)) {
            return;
        }
        if (!flags.rule(domain).routesReads()) {
            guard.set(false);
            return;
        }
        flags.turnOffLocally(domain);
        String reason = failures + " consecutive failures of the " + domain.id() + " service";
        LOG.warn("turning {} off: {}; last errors: {}", domain.flag(), reason, errors);
        writer.autoDisable(domain, replica, reason, errors).onComplete(ar -> {
            guard.set(false);
            if (ar.failed()) {
                LOG.error("could not write {} to the flag store, so it is off in this gateway only: {}",
                        domain.flag(), ar.cause().toString());
                metrics.autoDisabled(domain);
                alerts.post(text(domain, reason, errors) + "\nThe flag store could not be written ("
                        + ar.cause().getMessage() + "): other replicas may still route reads to the service.");
            } else if (ar.result().written()) {
                metrics.autoDisabled(domain);
                alerts.post(text(domain, reason, errors));
            } else {
                LOG.info("{} was already off in the flag store", domain.flag());
            }
        });
    }

    private String text(Domain domain, String reason, List<String> errors) {
        return ":warning: Ficus gateway " + replica + " turned " + domain.flag() + " off: " + reason
                + ". Reads of the " + domain.id() + " domain go to Magento until a person turns the flag on again "
                + "(ficus flags enable " + domain.flag() + " --reason \"…\").\nLast errors: "
                + String.join("; ", errors);
    }
}
