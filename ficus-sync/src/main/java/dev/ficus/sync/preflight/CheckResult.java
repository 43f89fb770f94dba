package dev.ficus.sync.preflight;

/**
 * One row of the preflight table: what was checked, how it came out, what was found, and (for a failure) the change
 * that fixes it, such as the my.cnf line or the GRANT statement.
 */
public record CheckResult(String check, CheckStatus status, String detail, String fix) {

    public static CheckResult pass(String check, String detail) {
        return new CheckResult(check, CheckStatus.PASS, detail, null);
    }

    public static CheckResult info(String check, String detail) {
        return new CheckResult(check, CheckStatus.INFO, detail, null);
    }

    public static CheckResult fail(String check, String detail, String fix) {
        return new CheckResult(check, CheckStatus.FAIL, detail, fix);
    }

    public boolean failed() {
        return status == CheckStatus.FAIL;
    }
}
