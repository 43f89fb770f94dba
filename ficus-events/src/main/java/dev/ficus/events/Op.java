package dev.ficus.events;

/** What happened to the entity: it exists with the carried state ({@code upsert}) or it is gone ({@code delete}). */
public enum Op {
    UPSERT("upsert"),
    DELETE("delete");

    private final String code;

    Op(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Op fromCode(String code) {
        return switch (code) {
            case "upsert" -> UPSERT;
            case "delete" -> DELETE;
            default -> throw new IllegalArgumentException("unknown op '" + code + "' (upsert or delete)");
        };
    }
}
