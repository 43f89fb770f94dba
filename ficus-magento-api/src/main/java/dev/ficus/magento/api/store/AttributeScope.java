package dev.ficus.magento.schema;

/** Magento's ScopedAttributeInterface values, as stored in catalog_eav_attribute.is_global. */
public enum AttributeScope {
    STORE(0), GLOBAL(1), WEBSITE(2);

    private final int isGlobal;

    AttributeScope(int isGlobal) {
        this.isGlobal = isGlobal;
    }

    public int isGlobalValue() {
        return isGlobal;
    }

    public static AttributeScope fromIsGlobal(int value) {
        for (AttributeScope s : values()) {
            if (s.isGlobal == value) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown is_global value " + value);
    }
}
