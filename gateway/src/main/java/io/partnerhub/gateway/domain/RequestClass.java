package io.partnerhub.gateway.domain;

import java.util.Locale;

/**
 * Which rate-limit budget a request through {@code /api} spends (DESIGN §5): reads, writes, an exam provider's
 * result, or a read of the public partner directory. Separate budgets, so that a partner reading its dashboard cannot
 * starve its own writes, a provider posting a day's results in a batch does not spend the budget of its system checks,
 * and the directory (public, worth scraping) has a smaller budget of its own. Pure: no Quarkus, no I/O.
 */
public enum RequestClass {
    READ("reads"), WRITE("writes"), RESULT("results"), DIRECTORY("directory");

    private final String policyName;

    RequestClass(String policyName) {
        this.policyName = policyName;
    }

    /** The name in the {@code RateLimit} and {@code RateLimit-Policy} headers. */
    public String policyName() {
        return policyName;
    }

    /**
     * @param method      the HTTP method
     * @param servicePath the normalised path below {@code /api} (e.g. {@code /exam-results}), without query
     */
    public static RequestClass of(String method, String servicePath) {
        String m = method.toUpperCase(Locale.ROOT);
        if (m.equals("GET") || m.equals("HEAD") || m.equals("OPTIONS")) {
            return isDirectory(servicePath) ? DIRECTORY : READ;
        }
        if (m.equals("POST") && (servicePath.equals("/exam-results") || servicePath.equals("/exam-results/"))) {
            return RESULT;
        }
        return WRITE;
    }

    /** {@code /partner-directory} and anything below it (issue 27). */
    private static boolean isDirectory(String servicePath) {
        return servicePath.startsWith(DIRECTORY_PATH) && (servicePath.length() == DIRECTORY_PATH.length()
                || servicePath.charAt(DIRECTORY_PATH.length()) == '/');
    }

    private static final String DIRECTORY_PATH = "/partner-directory";
}
