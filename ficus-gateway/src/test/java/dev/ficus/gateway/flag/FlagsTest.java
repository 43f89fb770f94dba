package dev.ficus.gateway.flag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.events.Domain;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlagsTest {
    @Test
    void anInvalidValueKeepsTheLastGoodRuleAndIsCounted() {
        Flags flags = new Flags();
        flags.apply(Map.of("catalog_read", "true"));
        assertThat(flags.rule(Domain.CATALOG).mode()).isEqualTo(FlagRule.Mode.ON);
        flags.apply(Map.of("catalog_read", "ture"));
        assertThat(flags.rule(Domain.CATALOG).mode()).isEqualTo(FlagRule.Mode.ON);
        assertThat(flags.state(Domain.CATALOG).problem()).contains("'ture'");
        assertThat(flags.invalidValues(Domain.CATALOG)).isEqualTo(1);
        flags.apply(Map.of("catalog_read", "false"));
        assertThat(flags.rule(Domain.CATALOG).mode()).isEqualTo(FlagRule.Mode.OFF);
        assertThat(flags.state(Domain.CATALOG).problem()).isNull();
    }

    @Test
    void anUnreadableStoreKeepsEverything() {
        Flags flags = new Flags();
        flags.apply(Map.of("order_read", "25%"));
        flags.storeFailed(new IOException("permission denied"));
        assertThat(flags.rule(Domain.ORDER).percent()).isEqualTo(25);
        assertThat(flags.storeProblem()).isEqualTo("permission denied");
        assertThat(flags.storeErrors()).isEqualTo(1);
        flags.apply(Map.of("order_read", "25%"));
        assertThat(flags.storeProblem()).isNull();
    }

    @Test
    void aMissingKeyIsOff() {
        Flags flags = new Flags();
        flags.apply(Map.of("inventory_read", "true"));
        flags.apply(Map.of());
        assertThat(flags.rule(Domain.INVENTORY).mode()).isEqualTo(FlagRule.Mode.OFF);
    }

    @Test
    void aLocalAutoDisableHoldsUntilTheStoreValueChanges() {
        Flags flags = new Flags();
        flags.apply(Map.of("customer_read", "true"));
        flags.turnOffLocally(Domain.CUSTOMER);
        assertThat(flags.rule(Domain.CUSTOMER).mode()).isEqualTo(FlagRule.Mode.OFF);
        assertThat(flags.stateName(Domain.CUSTOMER)).isEqualTo("auto_disabled");
        // the store still says true (its write failed): the flag stays off
        flags.apply(Map.of("customer_read", "true"));
        assertThat(flags.rule(Domain.CUSTOMER).mode()).isEqualTo(FlagRule.Mode.OFF);
        // a person writes a new value: it is taken
        flags.apply(Map.of("customer_read", "50%"));
        assertThat(flags.rule(Domain.CUSTOMER).mode()).isEqualTo(FlagRule.Mode.ROLLOUT);
    }

    @Test
    void theStateSaysAutoDisabledWhileTheStoreHoldsTheGatewaysFalse() {
        Flags flags = new Flags();
        String history = FlagHistory.append(null, new FlagHistoryEntry("t", FlagHistoryEntry.AUTO_DISABLE, "true",
                "false", "gateway@a", "3 consecutive failures", null), 10);
        flags.apply(Map.of("catalog_read", "false", "catalog_read.history", history));
        assertThat(flags.stateName(Domain.CATALOG)).isEqualTo("auto_disabled");
        flags.apply(Map.of("catalog_read", "true", "catalog_read.history", history));
        assertThat(flags.stateName(Domain.CATALOG)).isEqualTo("on");
    }
}
