package dev.ficus.magento.auth;

/** Magento's UserContextInterface user types, as carried in a token's "utypid" claim. */
public enum UserType {
    INTEGRATION(1), ADMIN(2), CUSTOMER(3), GUEST(4);

    private final int id;

    UserType(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    public static UserType fromId(int id) {
        for (UserType t : values()) {
            if (t.id == id) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown user type " + id);
    }
}
