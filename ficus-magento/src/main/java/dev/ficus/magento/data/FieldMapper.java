package dev.ficus.magento.data;

/** Maps a searchCriteria field name to a SQL expression over the list query; unknown names throw. */
@FunctionalInterface
public interface FieldMapper {
    String expression(String field);
}
