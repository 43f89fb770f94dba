package dev.ficus.check;

/**
 * One field that differs: its path in the record ({@code attributes.name}, {@code addresses[0].city}) or a column
 * of the read model's table ({@code column updated_at}), with what Magento's state says it should be and what the
 * platform holds; {@code null} where one side has no such field.
 */
public record FieldDiff(String field, String expected, String actual) {
}
