package dev.ficus.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DomainTest {

    @Test
    void eachDomainHasItsIdFlagPortAndTopics() {
        assertThat(List.of(Domain.values())).extracting(Domain::id)
                .containsExactly("catalog", "customer", "order", "inventory");
        assertThat(List.of(Domain.values())).extracting(Domain::flag)
                .containsExactly("catalog_read", "customer_read", "order_read", "inventory_read");
        assertThat(List.of(Domain.values())).extracting(Domain::devPort).containsExactly(8005, 8006, 8007, 8008);
        // every service reads the store directory: store codes are the same for every domain
        assertThat(Domain.CATALOG.topics()).containsExactly(Topics.PRODUCT, Topics.STOCK, Topics.STORE);
        assertThat(Domain.CUSTOMER.topics()).containsExactly(Topics.CUSTOMER, Topics.STORE);
        assertThat(Domain.ORDER.topics()).containsExactly(Topics.ORDER, Topics.STORE);
        assertThat(Domain.INVENTORY.topics()).containsExactly(Topics.STOCK, Topics.STORE);
    }

    @Test
    void findsADomainByIdInAnyCaseAndByFlag() {
        assertThat(Domain.byId(" Catalog ")).contains(Domain.CATALOG);
        assertThat(Domain.byId("catalogue")).isEmpty();
        assertThat(Domain.byFlag("order_read")).contains(Domain.ORDER);
        assertThat(Domain.byFlag("ORDER_READ")).isEmpty();
        assertThat(Domain.fromId("INVENTORY")).isEqualTo(Domain.INVENTORY);
    }

    @Test
    void anUnknownNameSaysWhichOnesThereAre() {
        assertThatThrownBy(() -> Domain.fromId("catalogue")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown service 'catalogue' (catalog, customer, order, inventory)");
    }
}
