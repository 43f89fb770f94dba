package dev.ficus.magento.api.criteria;

/** The comparisons searchCriteria's condition types come down to, with the SQL operator each one is. */
public enum Comparison {
    EQ("="), NEQ("!="), GT(">"), GTEQ(">="), LT("<"), LTEQ("<=");

    private final String operator;

    Comparison(String operator) {
        this.operator = operator;
    }

    public String operator() {
        return operator;
    }
}
