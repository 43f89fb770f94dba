package dev.ficus.magento.api.criteria;

import java.util.List;

/**
 * How one database writes the pieces of a searchCriteria query. {@link CriteriaWalker} decides which pieces a
 * criteria needs and how they combine (Magento's rules); a dialect only says how each piece reads in its SQL, so
 * MySQL and PostgreSQL give the same rows for the same criteria.
 *
 * @param <F> a resolved field: whatever the dialect needs to know about it (an expression, its type)
 */
public interface CriteriaDialect<F> {

    /** The field a searchCriteria name stands for; an unknown name throws {@link CriteriaWalker#unknownField}. */
    F field(String name);

    /** {@code field op value}; parameters go to {@code params} in placeholder order. */
    String compare(F field, Comparison op, String value, List<Object> params);

    String like(F field, String pattern, boolean negated, List<Object> params);

    String isNull(F field);

    String isNotNull(F field);

    /** Whether {@code value} is one of the field's comma-separated values (MySQL's FIND_IN_SET). */
    String findInSet(F field, String value, List<Object> params);

    /** IN or NOT IN over {@code values}, the comma-separated list as the caller sent it. */
    String in(F field, String values, boolean negated, List<Object> params);

    /** One ORDER BY term. */
    String sortTerm(F field, boolean descending);

    /** The condition of a criteria without filters. */
    String always();
}
