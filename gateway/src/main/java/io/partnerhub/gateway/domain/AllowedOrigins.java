package io.partnerhub.gateway.domain;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which {@code Origin} a browser may call the gateway from: the configured portal origins
 * ({@code quarkus.http.cors.origins}: exact values, {@code /regex/} entries, or {@code *}) and the gateway's own
 * origin (the portal it serves at {@code /}). The same decision as Quarkus' CORS filter, so that the gateway can
 * answer a refused origin with a 403 problem before that filter ends the exchange with an empty 403; Quarkus' filter
 * still runs for every allowed origin and writes the {@code Access-Control-*} headers.
 */
public final class AllowedOrigins {

    private final boolean any;
    private final List<String> exact;
    private final List<Pattern> patterns;

    private AllowedOrigins(boolean any, List<String> exact, List<Pattern> patterns) {
        this.any = any;
        this.exact = exact;
        this.patterns = patterns;
    }

    public static AllowedOrigins of(Optional<List<String>> configured) {
        List<String> exact = new ArrayList<>();
        List<Pattern> patterns = new ArrayList<>();
        boolean any = false;
        for (String entry : configured.orElse(List.of())) {
            String origin = entry.trim();
            if (origin.equals("*") || origin.equals("/.*/")) {
                any = true;
            } else if (origin.length() > 2 && origin.startsWith("/") && origin.endsWith("/")) {
                patterns.add(Pattern.compile(origin.substring(1, origin.length() - 1)));
            } else if (!origin.isEmpty()) {
                exact.add(origin);
            }
        }
        return new AllowedOrigins(any, List.copyOf(exact), List.copyOf(patterns));
    }

    /**
     * @param scheme the scheme the request came in with ({@code http})
     * @param authority its {@code Host} header ({@code gateway.example:8080})
     */
    public boolean allows(String origin, String scheme, String authority) {
        if (any || exact.contains(origin) || patterns.stream().anyMatch(p -> p.matcher(origin).matches())) {
            return true;
        }
        return sameOrigin(origin, scheme, authority);
    }

    /**
     * As Quarkus' CORS filter decides: {@code <scheme>://<Host header>} exactly, or the same host (no path) and the same
     * port, a default port written or not ({@code http://h} is {@code http://h:80}).
     */
    static boolean sameOrigin(String origin, String scheme, String authority) {
        if (scheme == null || authority == null) {
            return false;
        }
        if (origin.equals(scheme + "://" + authority)) {
            return true;
        }
        try {
            URI from = URI.create(origin);
            URI self = URI.create(scheme + "://" + authority);
            if (from.getHost() == null || (from.getPath() != null && !from.getPath().isEmpty())
                    || !from.getHost().equalsIgnoreCase(self.getHost())) {
                return false;
            }
            // equal ports as written (both absent included: behind a TLS-terminating ingress the portal's https origin
            // reaches the gateway as http on the same host), else equal once a default port is filled in
            return from.getPort() == self.getPort() || (port(from) == port(self) && port(from) != -1);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "http".equalsIgnoreCase(uri.getScheme()) ? 80 : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : -1;
    }
}
