package dev.ficus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ficus.core.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChecklistTest {
    private static final ChecklistItem OK = ChecklistItem.pass("Snapshot complete", "every mark applied");
    private static final ChecklistItem OFF = ChecklistItem.fail("Flags all false before go-live", "catalog_read=true",
            "ficus flags disable catalog_read --reason ...");
    private static final ChecklistItem BY_HAND = ChecklistItem.manual("Team trained", "walk the on-call through it");

    @Test
    void manualItemsDoNotFailTheChecklistButACrossDoes() {
        assertThat(new Checklist(List.of(OK, BY_HAND)).passed()).isTrue();
        assertThat(new Checklist(List.of(OK, OFF, BY_HAND)).passed()).isFalse();
    }

    @Test
    void theTableShowsEachMarkAndTheFixUnderEveryItemThatHasOne() {
        String table = new Checklist(List.of(OK, OFF, BY_HAND)).toTable();

        assertThat(table).containsPattern("Snapshot complete\\s+✓\\s+every mark applied")
                .containsPattern("Flags all false before go-live\\s+✗\\s+catalog_read=true")
                .containsPattern("\\s+→ ficus flags disable catalog_read --reason \\.\\.\\.")
                .containsPattern("Team trained\\s+manual\\s+cannot be checked from here")
                .contains("→ walk the on-call through it")
                .contains("1 item(s) ✗", "1 manual item(s) to confirm by hand.");
    }

    @Test
    void theJsonGivesEachItemItsStatusAndFix() throws Exception {
        JsonNode json = Json.read(Json.mapper().writeValueAsString(new Checklist(List.of(OK, OFF, BY_HAND)).toJson()));

        assertThat(json.path("passed").asBoolean()).isFalse();
        assertThat(json.path("items")).hasSize(3);
        assertThat(json.path("items").get(1).path("status").asText()).isEqualTo("fail");
        assertThat(json.path("items").get(1).path("fix").asText()).isEqualTo("ficus flags disable catalog_read --reason ...");
        assertThat(json.path("items").get(2).path("status").asText()).isEqualTo("manual");
    }
}
