package io.partnerhub.membership.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/**
 * The tests' resolver: names under {@code .hooks.test} resolve where {@link #NAMES} says (a hostile DNS pointing at
 * private addresses), everything else as the system resolves it.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestHostResolver implements HostResolver {

    public static final Map<String, String> NAMES = Map.of(
            "loopback.hooks.test", "127.0.0.1",
            "private.hooks.test", "10.20.30.40",
            "metadata.hooks.test", "169.254.169.254",
            "ipv6-loopback.hooks.test", "::1",
            "public.hooks.test", "93.184.216.34");

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        String address = NAMES.get(host);
        return address != null ? List.of(InetAddress.getByName(address)) : List.of(InetAddress.getAllByName(host));
    }
}
