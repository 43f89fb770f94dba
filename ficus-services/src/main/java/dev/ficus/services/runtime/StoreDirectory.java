package dev.ficus.services.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The shop's store views as a {@code store_directory} event describes them (rows of Magento's {@code store},
 * {@code store_group} and {@code store_website}), reduced to what a REST path needs: the store views a code can name
 * and the default one.
 *
 * <p>A code names every store view but the admin store (store 0): Webapi\Controller\PathProcessor looks the code up in
 * {@code StoreManager::getStores(false, true)}, which leaves out the admin store and keeps inactive views. The default
 * store view, the store of {@code /rest/V1/…}, is the default store of the default group of the default website
 * (Store\Model\StoreResolver, through {@code store_website.is_default}, {@code default_group_id} and
 * {@code store_group.default_store_id}).
 */
public record StoreDirectory(List<StoreView> views) {

    /** One store view: its code, id and website; {@code isDefault} for the default store view. */
    public record StoreView(String code, long storeId, long websiteId, boolean isDefault) {
    }

    /** A directory that knows no store view (before the first event). */
    public static final StoreDirectory EMPTY = new StoreDirectory(List.of());

    public StoreDirectory {
        views = List.copyOf(views);
    }

    /** The directory in a {@code store_directory} event's record: {@code websites}, {@code groups}, {@code stores}. */
    public static StoreDirectory fromRecord(JsonNode record) {
        Optional<Long> defaultStore = defaultStoreId(record);
        List<StoreView> views = new ArrayList<>();
        for (JsonNode store : record.path("stores")) {
            long id = store.path("store_id").asLong();
            if (id == 0) {
                continue;
            }
            views.add(new StoreView(store.path("code").asText(), id, store.path("website_id").asLong(),
                    defaultStore.isPresent() && defaultStore.get() == id));
        }
        return new StoreDirectory(views);
    }

    private static Optional<Long> defaultStoreId(JsonNode record) {
        Map<Long, JsonNode> groups = byId(record.path("groups"), "group_id");
        for (JsonNode website : record.path("websites")) {
            if (website.path("is_default").asInt() == 1) {
                JsonNode group = groups.get(website.path("default_group_id").asLong());
                return group == null ? Optional.empty() : Optional.of(group.path("default_store_id").asLong());
            }
        }
        return Optional.empty();
    }

    private static Map<Long, JsonNode> byId(JsonNode rows, String key) {
        List<JsonNode> list = new ArrayList<>();
        rows.forEach(list::add);
        return list.stream().collect(Collectors.toMap(r -> r.path(key).asLong(), Function.identity(), (a, b) -> a));
    }

    public Optional<StoreView> byCode(String code) {
        return views.stream().filter(v -> v.code().equals(code)).findFirst();
    }

    public Optional<StoreView> defaultView() {
        return views.stream().filter(StoreView::isDefault).findFirst();
    }
}
