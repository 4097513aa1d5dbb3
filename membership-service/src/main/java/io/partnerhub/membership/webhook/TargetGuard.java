package io.partnerhub.membership.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SSRF guard (plain Java): a webhook URL is delivered only to a public address. The host is resolved first (with an
 * injected {@link HostResolver}) and EVERY address it resolves to must be public; the sender then connects to the
 * address checked here (never resolving again), keeping the name for Host and TLS SNI. Refused: loopback, private
 * (10/8, 172.16/12, 192.168/16), link-local (169.254/16, the cloud metadata address among them; fe80::/10),
 * unique-local (fc00::/7), site-local (fec0::/10), multicast, unspecified (0.0.0.0, ::), carrier-grade NAT (100.64/10),
 * 0/8, 240/4 and broadcast, IPv4-mapped or NAT64 forms of those. HTTPS is required. Only the configured
 * {@code host:port} allowlist (local demo, test receiver) skips both rules.
 */
public final class TargetGuard {

    public static final int MAX_URL_LENGTH = 2048;

    /** Where a delivery goes: the URL, the name for Host/SNI, and the checked address to connect to. */
    public record Target(URI uri, String host, int port, boolean https, InetAddress address) {

        /** The path and query to request. */
        public String pathAndQuery() {
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        }
    }

    /** A URL the guard will not deliver to; the message says why (safe to show the registering user). */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    private final HostResolver resolver;
    private final Set<String> allowed;

    public TargetGuard(HostResolver resolver, Collection<String> allowedTargets) {
        this.resolver = resolver;
        this.allowed = allowedTargets.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The URL as a target, its host resolved and checked now; {@link Refused} otherwise. */
    public Target check(String url) {
        URI uri = parse(url);
        boolean https = "https".equals(uri.getScheme());
        String host = uri.getHost();
        String bareHost = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        int port = uri.getPort() == -1 ? (https ? 443 : 80) : uri.getPort();
        boolean allowlisted = allowed.contains(host.toLowerCase(Locale.ROOT) + ":" + port);
        if (!https && !allowlisted) {
            throw new Refused("the URL must use https");
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(bareHost);
        } catch (UnknownHostException e) {
            throw new Refused("the host " + host + " does not resolve");
        }
        if (addresses.isEmpty()) {
            throw new Refused("the host " + host + " does not resolve");
        }
        if (!allowlisted) {
            for (InetAddress address : addresses) {
                String why = forbidden(address);
                if (why != null) {
                    throw new Refused("the host " + host + " resolves to a " + why + " address, which webhooks never call");
                }
            }
        }
        return new Target(uri, bareHost, port, https, addresses.get(0));
    }

    private static URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw new Refused("url is required");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw new Refused("the URL is longer than " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new Refused("not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new Refused("the URL must use https");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new Refused("the URL names no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("the URL must not carry user information");
        }
        if (uri.getRawFragment() != null) {
            throw new Refused("the URL must not have a fragment");
        }
        return uri;
    }

    /** Why the address may not be called ("loopback", "private" …), or null for a public one. */
    public static String forbidden(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (address.isLoopbackAddress()) {
            return "loopback";
        }
        if (address.isLinkLocalAddress()) {
            return "link-local";
        }
        if (address.isSiteLocalAddress()) {
            return "private";
        }
        if (address.isMulticastAddress()) {
            return "multicast";
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0) {
                return "unspecified";
            }
            if (first == 100 && second >= 64 && second <= 127) {
                return "carrier-grade NAT";
            }
            if (first >= 240) {
                return "reserved";
            }
            if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
                return "reserved";
            }
            return null;
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return "unique-local";
            }
            // ::ffff:a.b.c.d (mapped; Java usually hands these back as IPv4), ::a.b.c.d (compatible) and 64:ff9b::/96 (NAT64)
            boolean zeroPrefix = true;
            for (int i = 0; i < 10; i++) {
                zeroPrefix &= b[i] == 0;
            }
            boolean mapped = zeroPrefix && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0));
            boolean nat64 = b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b;
            for (int i = 4; nat64 && i < 12; i++) {
                nat64 = b[i] == 0;
            }
            if (mapped || nat64) {
                try {
                    return forbidden(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return "malformed";
                }
            }
        }
        return null;
    }
}
