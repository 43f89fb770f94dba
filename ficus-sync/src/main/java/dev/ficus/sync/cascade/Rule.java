package dev.ficus.sync.cascade;

/** What the database does to a child row when its parent row is deleted or its key changes. */
public enum Rule {
    /** the child row is deleted (or its reference follows the new key) */
    CASCADE,
    /** the child row's reference becomes NULL */
    SET_NULL,
    /** RESTRICT, NO ACTION, SET DEFAULT: nothing happens behind the binlog's back (the parent change fails instead) */
    NONE;

    /** From information_schema.REFERENTIAL_CONSTRAINTS' DELETE_RULE or UPDATE_RULE. */
    public static Rule of(String informationSchemaRule) {
        return switch (informationSchemaRule == null ? "" : informationSchemaRule.trim().toUpperCase()) {
            case "CASCADE" -> CASCADE;
            case "SET NULL" -> SET_NULL;
            default -> NONE;
        };
    }

    /** Whether InnoDB changes child rows under this rule without writing them to the binlog. */
    public boolean changesChildren() {
        return this != NONE;
    }
}
