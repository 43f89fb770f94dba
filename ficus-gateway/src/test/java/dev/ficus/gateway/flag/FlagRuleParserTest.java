package dev.ficus.gateway.flag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FlagRuleParserTest {
    @ParameterizedTest(name = "''{0}'' is {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "true                    | ON      | on",
            " TRUE                   | ON      | on",
            "false                   | OFF     | off",
            "100%                    | ON      | on",
            "0%                      | OFF     | off",
            "10%                     | ROLLOUT | rollout 10%",
            "2.5 %                   | ROLLOUT | rollout 2.5%",
            "shadow                  | SHADOW  | shadow",
            "shadow 25%              | SHADOW  | shadow 25%",
            "shadow 0%               | OFF     | off",
            "customer:12,7           | ROLLOUT | rollout customer:12,7",
            "10%; header:X-Beta=yes  | ROLLOUT | rollout 10% + header:X-Beta=yes",
            "header:X-Ficus-Canary   | ROLLOUT | rollout header:X-Ficus-Canary",
    })
    void readsTheGrammar(String text, FlagRule.Mode mode, String description) throws Exception {
        FlagRule rule = FlagRuleParser.parse(text);
        assertThat(rule.mode()).isEqualTo(mode);
        assertThat(rule.describe()).isEqualTo(description);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "yes", "on", "101%", "-5%", "10", "10%; 20%", "customer:", "customer:abc",
            "header:", "header:X=", "header:Bad Name", "shadow maybe", "10%;", "truee"})
    void refusesAnythingElse(String text) {
        assertThatThrownBy(() -> FlagRuleParser.parse(text)).isInstanceOf(InvalidFlagValueException.class);
    }

    @Test
    void cohortsSelectTheirCallersWhateverThePercentage() throws Exception {
        FlagRule rule = FlagRuleParser.parse("customer:12,0057; header:X-Beta=yes");
        Caller customer12 = new Caller("12", null, null, "10.0.0.1", h -> null);
        Caller customer57 = new Caller("57", null, null, "10.0.0.1", h -> null);
        Caller other = new Caller("13", null, null, "10.0.0.1", h -> null);
        Caller beta = new Caller(null, null, null, "10.0.0.2", Map.of("X-Beta", "yes")::get);
        Caller notBeta = new Caller(null, null, null, "10.0.0.2", Map.of("X-Beta", "no")::get);
        assertThat(rule.selects("catalog_read", customer12)).isTrue();
        assertThat(rule.selects("catalog_read", customer57)).isTrue();
        assertThat(rule.selects("catalog_read", other)).isFalse();
        assertThat(rule.selects("catalog_read", beta)).isTrue();
        assertThat(rule.selects("catalog_read", notBeta)).isFalse();
    }

    @Test
    void onlyOnAndRolloutRouteReads() throws Exception {
        assertThat(FlagRuleParser.parse("true").routesReads()).isTrue();
        assertThat(FlagRuleParser.parse("5%").routesReads()).isTrue();
        assertThat(FlagRuleParser.parse("shadow").routesReads()).isFalse();
        assertThat(FlagRuleParser.parse("false").routesReads()).isFalse();
    }
}
