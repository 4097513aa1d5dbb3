package io.partnerhub.gateway.domain;

import java.util.Optional;
import java.util.Set;

/**
 * Maps a request path below {@code /api} to the service that owns its first segment.
 * Pure: no Quarkus, no I/O.
 */
public final class RouteTable {

    public static final String PREFIX = "/api";
    /**
     * Path segments a service uses for its operations endpoints ({@code /q/metrics}, {@code /q/openapi},
     * {@code /admin/clock}): never forwarded, wherever they appear below the owning segment.
     */
    static final Set<String> RESERVED_SEGMENTS = Set.of("q", "admin");

    private RouteTable() {
    }

    /**
     * Where a request goes: the owning service and the path (with query) the service sees; {@code template} names the
     * route with few values (one or two per segment, e.g. {@code /api/exams/{path}}) for metrics and traces.
     */
    public record Route(DownstreamService service, String downstreamUri, String template) {
    }

    /**
     * @param rawPath  the request path, not decoded, already checked and normalised by {@link RequestPath}, e.g.
     *                 {@code /api/exams/AZ-104}
     * @param rawQuery the raw query string or {@code null}
     * @return the route, or empty when no service owns the first segment or the path reaches into a service's
     *         operations endpoints ({@link #RESERVED_SEGMENTS})
     */
    public static Optional<Route> resolve(String rawPath, String rawQuery) {
        String rest = stripPrefix(rawPath);
        if (rest == null || touchesReservedSegment(rest)) {
            return Optional.empty();
        }
        String segment = firstSegment(rest);
        return DownstreamService.owningSegment(segment)
                .map(service -> new Route(service, rawQuery == null || rawQuery.isEmpty() ? rest : rest + "?" + rawQuery,
                        template(segment, rest)));
    }

    /** {@code /api/exams} for the collection itself, {@code /api/exams/{path}} for anything below it. */
    private static String template(String segment, String servicePath) {
        return servicePath.length() > segment.length() + 1 ? PREFIX + "/" + segment + "/{path}" : PREFIX + "/" + segment;
    }

    /** The first path segment below {@code /api}, or an empty string for {@code /api} and {@code /api/}. */
    public static String firstSegment(String rawPath) {
        String rest = rawPath.startsWith(PREFIX + "/") ? rawPath.substring(PREFIX.length()) : rawPath;
        int start = rest.startsWith("/") ? 1 : 0;
        int end = rest.indexOf('/', start);
        return end < 0 ? rest.substring(start) : rest.substring(start, end);
    }

    /** Any segment equal to a reserved one, case ignored (a loop, not split and lower-case: this runs per request). */
    private static boolean touchesReservedSegment(String servicePath) {
        int start = 0;
        while (start <= servicePath.length()) {
            int end = servicePath.indexOf('/', start);
            if (end < 0) {
                end = servicePath.length();
            }
            for (String reserved : RESERVED_SEGMENTS) {
                if (end - start == reserved.length() && servicePath.regionMatches(true, start, reserved, 0, reserved.length())) {
                    return true;
                }
            }
            start = end + 1;
        }
        return false;
    }

    private static String stripPrefix(String rawPath) {
        if (rawPath == null || !rawPath.startsWith(PREFIX + "/")) {
            return null;
        }
        String rest = rawPath.substring(PREFIX.length());
        return rest.length() > 1 ? rest : null;
    }
}
