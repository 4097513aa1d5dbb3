package io.partnerhub.gateway.domain;

/**
 * Which connection budget toward a service a request spends (DESIGN §5c): a stream (server-sent events, open for as
 * long as its token lasts) has a pool of its own, so that open streams never hold the connections ordinary requests
 * wait for. Pure: no Quarkus, no I/O.
 */
public enum Lane {
    ORDINARY, STREAM;

    private static final String LIVE_STATUS = RouteTable.PREFIX + "/competency-status/";
    private static final String CHANGES = "/changes";
    private static final String EVENT_STREAM = "text/event-stream";

    /**
     * @param path   the normalised gateway path ({@code /api/competency-status/org-1/changes}), without query
     * @param accept the request's {@code Accept} header, or null
     * @return STREAM for K5's live stream ({@code /api/competency-status/{organizationId}/changes}) and for any request
     *         that accepts {@code text/event-stream}; ORDINARY otherwise
     */
    public static Lane of(String path, String accept) {
        if (accept != null && containsIgnoringCase(accept, EVENT_STREAM)) {
            return STREAM;
        }
        if (path.startsWith(LIVE_STATUS) && path.endsWith(CHANGES)) {
            int organization = LIVE_STATUS.length();
            int end = path.length() - CHANGES.length();
            return end > organization && path.indexOf('/', organization) == end ? STREAM : ORDINARY;
        }
        return ORDINARY;
    }

    /** No lower-cased copy of the header: this runs per request. */
    private static boolean containsIgnoringCase(String text, String part) {
        for (int i = 0; i + part.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, part, 0, part.length())) {
                return true;
            }
        }
        return false;
    }
}
