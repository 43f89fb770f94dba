package dev.ficus.sync.preflight;

import dev.ficus.core.config.DatabaseEndpoint;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What preflight checks against: the source database and the login the sync will use (its grants are the ones
 * checked), the sync's replication server id, the tables it will capture, the binlog retention it needs, and,
 * when the sync's connector is already chosen, which server flavor that connector expects.
 */
public record PreflightSettings(DatabaseEndpoint source, int syncServerId, List<String> trackedTables,
                                Duration minimumRetention, Optional<ServerFlavor> expectedFlavor) {

    public PreflightSettings {
        trackedTables = List.copyOf(trackedTables);
        expectedFlavor = expectedFlavor == null ? Optional.empty() : expectedFlavor;
    }
}
