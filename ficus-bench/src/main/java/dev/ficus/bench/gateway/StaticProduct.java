package dev.ficus.bench.gateway;

import dev.ficus.magento.api.json.CustomAttributes;
import dev.ficus.magento.api.json.ProductJson;
import dev.ficus.magento.api.json.ProductRecord;
import dev.ficus.magento.api.json.StockItemRecord;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one product the static origin serves: GET /rest/V1/products/{sku} of a bag from a Luma-style catalog, written
 * by the same code that writes the stand-in's and the catalog service's answers, with what a real shop's product
 * carries (an HTML description, SEO fields, images, category links, the stock item): about 3 kB, where the seeded
 * fixture products are a few hundred bytes and would measure the proxies on bodies smaller than a shop's.
 */
public final class StaticProduct {
    public static final String SKU = "24-MB01";
    /** The path every static-upstream run asks for. */
    public static final String PATH = "/rest/V1/products/" + SKU;

    private static final String DESCRIPTION = "<p>A duffle that works as hard as you do: roomy "
            + "enough for a ball, a pair of trainers and a change of clothes, light enough to carry from the locker "
            + "room to the departure gate, and tough enough for both, season after season.</p>\n<ul>\n"
            + "<li>Dual top handles.</li>\n<li>Adjustable shoulder strap.</li>\n<li>Full-length zipper.</li>\n"
            + "<li>L 29\" x W 13\" x H 11\".</li>\n<li>Water-resistant polyester shell with a brushed lining.</li>\n"
            + "<li>Ventilated end pocket keeps damp towels and shoes away from the rest of your kit.</li>\n"
            + "<li>Interior zip pocket for keys, cards and a phone; two mesh sleeves for bottles.</li>\n</ul>\n"
            + "<p>Pack it for the weekend, the pitch or the overnight flight: the reinforced base stands up on its "
            + "own, the padded strap spreads the weight across the shoulder, and the lockable double zipper pulls "
            + "keep what is inside where it belongs. Wipe clean with a damp cloth; do not machine wash.</p>";

    private StaticProduct() {
    }

    /** The JSON body, as Magento 2.4 writes it for a single-product read (stock item included). */
    public static String json() {
        Map<String, String> eav = new LinkedHashMap<>();
        eav.put("description", DESCRIPTION);
        eav.put("short_description", "<p>A roomy duffle for the gym and the weekend, with a ventilated shoe pocket."
                + "</p>");
        eav.put("image", "/m/b/mb01-blue-0.jpg");
        eav.put("small_image", "/m/b/mb01-blue-0.jpg");
        eav.put("thumbnail", "/m/b/mb01-blue-0.jpg");
        eav.put("swatch_image", "/m/b/mb01-blue-0.jpg");
        eav.put("url_key", "joust-duffle-bag");
        eav.put("meta_title", "Joust Duffle Bag | Gym and Travel Bags");
        eav.put("meta_keyword", "duffle bag, gym bag, travel bag, sports bag, weekend bag");
        eav.put("meta_description", "The Joust Duffle Bag: a water-resistant gym and travel duffle with a "
                + "ventilated shoe pocket, an adjustable strap and dual handles.");
        eav.put("options_container", "container2");
        eav.put("msrp_display_actual_price_type", "0");
        eav.put("tax_class_id", "2");
        eav.put("gift_message_available", "2");
        eav.put("activity", "11,13,16,17,18");
        eav.put("style_bags", "24,25,29");
        eav.put("material", "35,36,37,38");
        eav.put("strap_bags", "59,60,61,62,63");
        eav.put("features_bags", "68,69,71,74");
        eav.put("erin_recommends", "0");
        eav.put("new", "1");
        eav.put("sale", "0");
        ProductRecord p = new ProductRecord(1, SKU, "Joust Duffle Bag", 15L, new BigDecimal("34"), 1L, 4L, "simple",
                "2026-09-14 08:12:40", "2026-11-30 17:03:11", new BigDecimal("1.2"), List.of(1L),
                List.of(new ProductRecord.CategoryLink(0, 3), new ProductRecord.CategoryLink(1, 4)), List.of(),
                List.of(), stockItem(), CustomAttributes.of(eav, List.of(3L, 4L), 0, 0));
        return ProductJson.write(p, true);
    }

    private static StockItemRecord stockItem() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("item_id", 1);
        c.put("product_id", 1);
        c.put("stock_id", 1);
        c.put("qty", "100.0000");
        c.put("is_in_stock", 1);
        c.put("is_qty_decimal", 0);
        c.put("use_config_min_qty", 1);
        c.put("min_qty", "0.0000");
        c.put("use_config_min_sale_qty", 1);
        c.put("min_sale_qty", "1.0000");
        c.put("use_config_max_sale_qty", 1);
        c.put("max_sale_qty", "10000.0000");
        c.put("use_config_backorders", 1);
        c.put("backorders", 0);
        c.put("use_config_notify_stock_qty", 1);
        c.put("notify_stock_qty", "1.0000");
        c.put("use_config_qty_increments", 1);
        c.put("qty_increments", "0.0000");
        c.put("use_config_enable_qty_inc", 1);
        c.put("enable_qty_increments", 0);
        c.put("use_config_manage_stock", 1);
        c.put("manage_stock", 1);
        c.put("low_stock_date", null);
        c.put("is_decimal_divided", 0);
        c.put("stock_status_changed_auto", 0);
        return StockItemRecord.fromColumns(c);
    }
}
