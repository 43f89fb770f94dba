package dev.ficus.magento.data;

/** One store view: its id, code, website and name. Store 0 ("admin") is the default scope. */
public record Store(int id, String code, int websiteId, int groupId, String name) {
    public boolean isAdmin() {
        return id == 0;
    }
}
