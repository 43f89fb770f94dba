package dev.ficus.gateway.flag;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a flag value (docs/flags.md):
 * <pre>
 * value   = "true" | "false" | shadow | rollout
 * shadow  = "shadow" [ percent ]
 * rollout = clause *( ";" clause )
 * clause  = percent | "customer:" id *( "," id ) | "header:" name [ "=" value ]
 * percent = 0–100 with up to two decimals, then "%"
 * </pre>
 */
public final class FlagRuleParser {
    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,2})?)\\s*%");
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern CUSTOMER_ID = Pattern.compile("[0-9]+");

    private FlagRuleParser() {
    }

    public static FlagRule parse(String raw) throws InvalidFlagValueException {
        if (raw == null) {
            throw new InvalidFlagValueException("no value");
        }
        String text = raw.strip();
        String lower = text.toLowerCase(Locale.ROOT);
        if (text.isEmpty()) {
            throw new InvalidFlagValueException("empty value (write false to turn the flag off)");
        }
        if (lower.equals("true")) {
            return new FlagRule(FlagRule.Mode.ON, 100, List.of(), text);
        }
        if (lower.equals("false")) {
            return new FlagRule(FlagRule.Mode.OFF, 0, List.of(), text);
        }
        if (lower.equals("shadow") || lower.startsWith("shadow ")) {
            String rest = text.substring("shadow".length()).strip();
            double share = rest.isEmpty() ? 100 : percent(rest);
            return share <= 0 ? new FlagRule(FlagRule.Mode.OFF, 0, List.of(), text)
                    : new FlagRule(FlagRule.Mode.SHADOW, share, List.of(), text);
        }
        return rollout(text);
    }

    private static FlagRule rollout(String text) throws InvalidFlagValueException {
        Double share = null;
        List<Cohort> cohorts = new ArrayList<>();
        for (String part : text.split(";", -1)) {
            String clause = part.strip();
            String lower = clause.toLowerCase(Locale.ROOT);
            if (clause.isEmpty()) {
                throw new InvalidFlagValueException("empty clause in '" + text + "'");
            }
            if (lower.startsWith("customer:")) {
                cohorts.add(customers(clause.substring("customer:".length())));
            } else if (lower.startsWith("header:")) {
                cohorts.add(header(clause.substring("header:".length())));
            } else if (PERCENT.matcher(clause).matches()) {
                if (share != null) {
                    throw new InvalidFlagValueException("more than one percentage in '" + text + "'");
                }
                share = percent(clause);
            } else {
                throw new InvalidFlagValueException("'" + clause + "' is not true, false, shadow, a percentage such "
                        + "as 10%, customer:<ids> or header:<name>[=<value>]");
            }
        }
        double p = share == null ? 0 : share;
        if (p >= 100) {
            return new FlagRule(FlagRule.Mode.ON, 100, List.copyOf(cohorts), text);
        }
        if (p <= 0 && cohorts.isEmpty()) {
            return new FlagRule(FlagRule.Mode.OFF, 0, List.of(), text);
        }
        return new FlagRule(FlagRule.Mode.ROLLOUT, p, List.copyOf(cohorts), text);
    }

    private static double percent(String s) throws InvalidFlagValueException {
        Matcher m = PERCENT.matcher(s.strip());
        if (!m.matches()) {
            throw new InvalidFlagValueException("'" + s + "' is not a percentage such as 10% or 2.5%");
        }
        double p = Double.parseDouble(m.group(1));
        if (p > 100) {
            throw new InvalidFlagValueException("percentage " + s + " is above 100%");
        }
        return p;
    }

    private static Cohort customers(String list) throws InvalidFlagValueException {
        Set<String> ids = new LinkedHashSet<>();
        for (String id : list.split(",", -1)) {
            String t = id.strip();
            if (!CUSTOMER_ID.matcher(t).matches()) {
                throw new InvalidFlagValueException("customer id '" + t + "' is not a Magento customer id (digits)");
            }
            ids.add(t.replaceFirst("^0+(?=.)", ""));
        }
        return new Cohort.Customers(Set.copyOf(ids));
    }

    private static Cohort header(String spec) throws InvalidFlagValueException {
        int eq = spec.indexOf('=');
        String name = (eq < 0 ? spec : spec.substring(0, eq)).strip();
        if (!HEADER_NAME.matcher(name).matches()) {
            throw new InvalidFlagValueException("'" + name + "' is not a header name");
        }
        String value = eq < 0 ? null : spec.substring(eq + 1).strip();
        if (value != null && value.isEmpty()) {
            throw new InvalidFlagValueException("header:" + name + "= has an empty value (drop the = to match any value)");
        }
        return new Cohort.Header(name, value);
    }
}
