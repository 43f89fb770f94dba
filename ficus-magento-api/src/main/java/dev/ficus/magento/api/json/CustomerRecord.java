package dev.ficus.magento.api.json;

import java.util.List;
import java.util.Map;

/** A customer (customer_entity, every attribute static) with its addresses. */
public record CustomerRecord(long id, long groupId, Long defaultBilling, Long defaultShipping, String confirmation,
                             String createdAt, String updatedAt, String createdIn, String dob, String email,
                             String firstname, String lastname, String middlename, String prefix, String suffix,
                             Long gender, Long storeId, String taxvat, Long websiteId, List<AddressRecord> addresses,
                             long disableAutoGroupChange, boolean isSubscribed) {

    public static CustomerRecord fromColumns(Map<String, ?> c, List<AddressRecord> addresses) {
        return new CustomerRecord(MagentoJson.integer(c.get("entity_id")), MagentoJson.integer(c.get("group_id")),
                MagentoJson.integer(c.get("default_billing")), MagentoJson.integer(c.get("default_shipping")),
                AddressRecord.text(c.get("confirmation")), MagentoJson.dateTime(c.get("created_at")),
                MagentoJson.dateTime(c.get("updated_at")), AddressRecord.text(c.get("created_in")),
                MagentoJson.date(c.get("dob")), AddressRecord.text(c.get("email")),
                AddressRecord.text(c.get("firstname")), AddressRecord.text(c.get("lastname")),
                AddressRecord.text(c.get("middlename")), AddressRecord.text(c.get("prefix")),
                AddressRecord.text(c.get("suffix")), MagentoJson.integer(c.get("gender")),
                MagentoJson.integer(c.get("store_id")), AddressRecord.text(c.get("taxvat")),
                MagentoJson.integer(c.get("website_id")), addresses,
                MagentoJson.integer(c.get("disable_auto_group_change")) == null ? 0
                        : MagentoJson.integer(c.get("disable_auto_group_change")), false);
    }
}
