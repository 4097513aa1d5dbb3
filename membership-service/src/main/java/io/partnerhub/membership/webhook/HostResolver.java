package io.partnerhub.membership.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Resolves a webhook host to its addresses before the SSRF guard checks them. The application bean is
 * {@link SystemHostResolver}; tests replace it to make a name resolve to a private address.
 */
@FunctionalInterface
public interface HostResolver {

    List<InetAddress> resolve(String host) throws UnknownHostException;
}
