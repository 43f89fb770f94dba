package dev.ficus.magento.api.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * CustomerInterface and AddressInterface as Magento prints them, in interface getter order (devdocs
 * gs-web-api-request example): default_billing/default_shipping are strings, an address's default_* flags appear only
 * when true, the region object always carries its three keys, and extension_attributes holds is_subscribed.
 */
public final class CustomerJson {
    private CustomerJson() {
    }

    public static ObjectNode toJson(CustomerRecord c) {
        ObjectNode n = MagentoJson.object();
        n.put("id", c.id());
        n.put("group_id", c.groupId());
        MagentoJson.putIfPresent(n, "default_billing", c.defaultBilling() == null ? null : String.valueOf(c.defaultBilling()));
        MagentoJson.putIfPresent(n, "default_shipping", c.defaultShipping() == null ? null : String.valueOf(c.defaultShipping()));
        MagentoJson.putIfPresent(n, "confirmation", c.confirmation());
        MagentoJson.putIfPresent(n, "created_at", c.createdAt());
        MagentoJson.putIfPresent(n, "updated_at", c.updatedAt());
        MagentoJson.putIfPresent(n, "created_in", c.createdIn());
        MagentoJson.putIfPresent(n, "dob", c.dob());
        MagentoJson.putIfPresent(n, "email", c.email());
        MagentoJson.putIfPresent(n, "firstname", c.firstname());
        MagentoJson.putIfPresent(n, "lastname", c.lastname());
        MagentoJson.putIfPresent(n, "middlename", c.middlename());
        MagentoJson.putIfPresent(n, "prefix", c.prefix());
        MagentoJson.putIfPresent(n, "suffix", c.suffix());
        MagentoJson.putIfPresent(n, "gender", c.gender());
        MagentoJson.putIfPresent(n, "store_id", c.storeId());
        MagentoJson.putIfPresent(n, "taxvat", c.taxvat());
        MagentoJson.putIfPresent(n, "website_id", c.websiteId());
        ArrayNode addresses = n.putArray("addresses");
        c.addresses().forEach(a -> addresses.add(address(a)));
        n.put("disable_auto_group_change", c.disableAutoGroupChange());
        n.putObject("extension_attributes").put("is_subscribed", c.isSubscribed());
        return n;
    }

    public static String write(CustomerRecord c) {
        return MagentoJson.write(toJson(c));
    }

    public static ObjectNode address(AddressRecord a) {
        ObjectNode n = MagentoJson.object();
        n.put("id", a.id());
        n.put("customer_id", a.customerId());
        ObjectNode region = n.putObject("region");
        if (a.regionCode() == null) {
            region.putNull("region_code");
        } else {
            region.put("region_code", a.regionCode());
        }
        if (a.region() == null) {
            region.putNull("region");
        } else {
            region.put("region", a.region());
        }
        region.put("region_id", a.regionId() == null ? 0 : a.regionId());
        n.put("region_id", a.regionId() == null ? 0 : a.regionId());
        MagentoJson.putIfPresent(n, "country_id", a.countryId());
        ArrayNode street = n.putArray("street");
        a.street().forEach(street::add);
        MagentoJson.putIfPresent(n, "company", a.company());
        MagentoJson.putIfPresent(n, "telephone", a.telephone());
        MagentoJson.putIfPresent(n, "fax", a.fax());
        MagentoJson.putIfPresent(n, "postcode", a.postcode());
        MagentoJson.putIfPresent(n, "city", a.city());
        MagentoJson.putIfPresent(n, "firstname", a.firstname());
        MagentoJson.putIfPresent(n, "lastname", a.lastname());
        MagentoJson.putIfPresent(n, "middlename", a.middlename());
        MagentoJson.putIfPresent(n, "prefix", a.prefix());
        MagentoJson.putIfPresent(n, "suffix", a.suffix());
        MagentoJson.putIfPresent(n, "vat_id", a.vatId());
        if (a.defaultShipping()) {
            n.put("default_shipping", true);
        }
        if (a.defaultBilling()) {
            n.put("default_billing", true);
        }
        return n;
    }
}
