package dev.ficus.magento.api.criteria;

import java.util.List;

/** A WHERE condition with its parameters in placeholder order; every value a caller sent is bound, never inlined. */
public record SqlWhere(String sql, List<Object> params) {
}
