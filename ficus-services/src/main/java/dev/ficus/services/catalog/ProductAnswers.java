package dev.ficus.services.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ficus.magento.api.json.ProductJson;
import dev.ficus.magento.api.store.StoreViewOverlay;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * A product's answers, rendered once from its record and stock item: the shared answer of store 0, which every store
 * view without values of its own serves, and one answer per store view whose answer differs from it.
 *
 * <p>A store view's answer can differ from store 0's only through what the record carries for that view: its values
 * ({@code store_attributes}) and its labels of configurable options ({@code store_labels}); every other part of the
 * answer (entity columns, websites, category links, children, stock item) is the same in every view. So only those
 * views are rendered, and a view whose bytes come out the same as store 0's (an override equal to the default) shares
 * store 0's answer as well.
 */
final class ProductAnswers {
    /**
     * The version of the rendering. Raise it whenever a change of {@link ProductRecords} or the contract's JSON writers
     * changes the bytes of a product answer: the service renders every stored answer of an older version again when it
     * starts.
     */
    static final int RENDERER = 1;

    /** One store view's answer: the single-product GET and the search result item. */
    record Rendered(long storeId, byte[] answer, byte[] item) {
    }

    private ProductAnswers() {
    }

    /** Store 0's answer first, then the store views whose answers differ from it, by store id. */
    static List<Rendered> render(JsonNode record, JsonNode stock) {
        Rendered shared = render(record, stock, StoreViewOverlay.DEFAULT_STORE);
        List<Rendered> out = new ArrayList<>();
        out.add(shared);
        for (long storeId : storesWithValues(record)) {
            Rendered view = render(record, stock, storeId);
            if (!Arrays.equals(view.answer(), shared.answer())) {
                out.add(view);
            }
        }
        return out;
    }

    private static Rendered render(JsonNode record, JsonNode stock, long storeId) {
        return new Rendered(storeId,
                bytes(ProductJson.write(ProductRecords.resolve(record, stock, storeId), true)),
                bytes(ProductJson.write(ProductRecords.resolve(record, null, storeId), false)));
    }

    /**
     * The store views the record has values or option labels for, as the renderer looks them up (a key is a store id
     * written as {@link Long#toString} writes it; any other key is never read, so it changes no answer).
     */
    static TreeSet<Long> storesWithValues(JsonNode record) {
        TreeSet<Long> out = new TreeSet<>();
        record.path("store_attributes").fieldNames().forEachRemaining(key -> addStore(key, out));
        for (JsonNode option : record.path("configurable_product_options")) {
            option.path("store_labels").fieldNames().forEachRemaining(key -> addStore(key, out));
        }
        out.remove(StoreViewOverlay.DEFAULT_STORE);
        return out;
    }

    private static void addStore(String key, TreeSet<Long> out) {
        try {
            long id = Long.parseLong(key);
            if (Long.toString(id).equals(key)) {
                out.add(id);
            }
        } catch (NumberFormatException e) {
            // not a store id: the renderer never reads it
        }
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
