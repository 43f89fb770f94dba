package dev.ficus.gateway.flag;

import java.util.Set;

/** A group of callers that a rule sends to the service whatever the percentage. */
public sealed interface Cohort {
    boolean matches(Caller caller);

    /** Requests that carry a header (with this value, when one is given). */
    record Header(String name, String value) implements Cohort {
        @Override
        public boolean matches(Caller caller) {
            String actual = caller.header().apply(name);
            if (actual == null) {
                return false;
            }
            return value == null || value.equals(actual.trim());
        }

        @Override
        public String toString() {
            return "header:" + name + (value == null ? "" : "=" + value);
        }
    }

    /** Customers by Magento customer id (known from a customer token). */
    record Customers(Set<String> ids) implements Cohort {
        @Override
        public boolean matches(Caller caller) {
            return caller.customerId() != null && ids.contains(caller.customerId());
        }

        @Override
        public String toString() {
            return "customer:" + String.join(",", new java.util.TreeSet<>(ids));
        }
    }
}
