package dev.ficus.gateway.admin;

import java.util.List;

/** A service as the admin API shows it beside its flag. */
public record ServiceView(String name, String url, boolean healthy, int consecutiveFailures, List<String> lastErrors,
                          String lastProbeError) {
    public ServiceView {
        lastErrors = lastErrors == null ? List.of() : List.copyOf(lastErrors);
    }
}
