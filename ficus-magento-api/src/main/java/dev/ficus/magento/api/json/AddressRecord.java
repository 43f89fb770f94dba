package dev.ficus.magento.api.json;

import java.util.List;
import java.util.Map;

/** A customer address (customer_address_entity) plus whether it is the customer's default billing/shipping one. */
public record AddressRecord(long id, long customerId, String regionCode, String region, Long regionId,
                            String countryId, List<String> street, String company, String telephone, String fax,
                            String postcode, String city, String firstname, String lastname, String middlename,
                            String prefix, String suffix, String vatId, boolean defaultShipping,
                            boolean defaultBilling) {

    /** From customer_address_entity columns; street is stored with one line per "\n". */
    public static AddressRecord fromColumns(Map<String, ?> c, boolean defaultShipping, boolean defaultBilling) {
        Long regionId = MagentoJson.integer(c.get("region_id"));
        String street = c.get("street") == null ? "" : c.get("street").toString();
        return new AddressRecord(MagentoJson.integer(c.get("entity_id")), MagentoJson.integer(c.get("parent_id")),
                Regions.code(regionId), text(c.get("region")), regionId, text(c.get("country_id")),
                List.of(street.split("\n", -1)), text(c.get("company")), text(c.get("telephone")), text(c.get("fax")),
                text(c.get("postcode")), text(c.get("city")), text(c.get("firstname")), text(c.get("lastname")),
                text(c.get("middlename")), text(c.get("prefix")), text(c.get("suffix")), text(c.get("vat_id")),
                defaultShipping, defaultBilling);
    }

    static String text(Object v) {
        return v == null ? null : v.toString();
    }
}
