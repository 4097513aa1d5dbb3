package io.partnerhub.membership.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The SSRF guard: every address a host resolves to must be public; only the allowlist skips the rules. */
class TargetGuardTest {

    /** Names that resolve where the table says, as a hostile DNS would make them. */
    private static final Map<String, String> DNS = Map.of(
            "loopback.example.test", "127.0.0.1",
            "private.example.test", "10.1.2.3",
            "metadata.example.test", "169.254.169.254",
            "ipv6-loopback.example.test", "::1",
            "unique-local.example.test", "fd12:3456::1",
            "public.example.test", "93.184.216.34",
            "public6.example.test", "2606:2800:220:1:248:1893:25c8:1946");

    private static final HostResolver RESOLVER = host -> {
        String address = DNS.get(host);
        if (address != null) {
            return List.of(InetAddress.getByName(address));
        }
        if (host.matches("[0-9.]+") || host.contains(":")) {
            return List.of(InetAddress.getByName(host)); // an IP literal: no lookup
        }
        throw new UnknownHostException(host);
    };

    private final TargetGuard guard = new TargetGuard(RESOLVER, List.of("127.0.0.1:18099"));

    @ParameterizedTest(name = "{0} is refused ({1})")
    @CsvSource({
            "https://127.0.0.1/hook, loopback",
            "https://127.8.9.10/hook, loopback",
            "https://10.0.0.1/hook, private",
            "https://10.255.255.254:8443/hook, private",
            "https://172.16.0.1/hook, private",
            "https://172.31.255.1/hook, private",
            "https://192.168.1.1/hook, private",
            "https://169.254.169.254/latest/meta-data, link-local",
            "https://0.0.0.0/hook, unspecified",
            "https://100.64.0.1/hook, carrier-grade NAT",
            "https://224.0.0.1/hook, multicast",
            "https://255.255.255.255/hook, reserved",
            "https://[::1]/hook, loopback",
            "https://[::]/hook, unspecified",
            "https://[fc00::1]/hook, unique-local",
            "https://[fd00:ec2::254]/hook, unique-local",
            "https://[fe80::1]/hook, link-local",
            "https://[ff02::1]/hook, multicast",
            "https://[::ffff:10.0.0.1]/hook, private",
            "https://[::ffff:169.254.169.254]/hook, link-local",
            "https://[64:ff9b::a00:1]/hook, private",
            "https://loopback.example.test/hook, loopback",
            "https://private.example.test/hook, private",
            "https://metadata.example.test/hook, link-local",
            "https://ipv6-loopback.example.test/hook, loopback",
            "https://unique-local.example.test/hook, unique-local",
            // the allowlist names one port of one host: another port of it is refused
            "https://127.0.0.1:18098/hook, loopback",
    })
    void refusesPrivateLoopbackLinkLocalAndMetadataAddressesAfterResolution(String url, String why) {
        TargetGuard.Refused refused = assertThrows(TargetGuard.Refused.class, () -> guard.check(url));
        assertTrue(refused.getMessage().contains(why), refused.getMessage());
    }

    @ParameterizedTest(name = "{0} is refused ({1})")
    @CsvSource({
            "http://public.example.test/hook, must use https",
            "ftp://public.example.test/hook, must use https",
            "https://user:pw@public.example.test/hook, user information",
            "https://public.example.test/hook#x, fragment",
            "https://nowhere.example.test/hook, does not resolve",
            "not a url, not a URL",
            "/relative/hook, must use https",
    })
    void refusesWhatIsNotAnHttpsUrlOfAResolvableHost(String url, String why) {
        TargetGuard.Refused refused = assertThrows(TargetGuard.Refused.class, () -> guard.check(url));
        assertTrue(refused.getMessage().contains(why), refused.getMessage());
    }

    @Test
    void refusesAHostWhenAnyOfItsAddressesIsPrivate() {
        TargetGuard mixed = new TargetGuard(host -> List.of(InetAddress.getByName("93.184.216.34"),
                InetAddress.getByName("10.0.0.7")), List.of());
        assertThrows(TargetGuard.Refused.class, () -> mixed.check("https://mixed.example.test/hook"));
    }

    @Test
    void refusesAnOverlongUrl() {
        assertThrows(TargetGuard.Refused.class,
                () -> guard.check("https://public.example.test/" + "a".repeat(TargetGuard.MAX_URL_LENGTH)));
    }

    @Test
    void acceptsPublicAddressesAndConnectsToTheAddressItChecked() throws Exception {
        TargetGuard.Target target = guard.check("https://public.example.test/hooks/in?x=1");
        assertEquals("public.example.test", target.host());
        assertEquals(443, target.port());
        assertEquals(InetAddress.getByName("93.184.216.34"), target.address());
        assertEquals("/hooks/in?x=1", target.pathAndQuery());
        assertEquals(InetAddress.getByName("2606:2800:220:1:248:1893:25c8:1946"),
                guard.check("https://public6.example.test:8443").address());
    }

    @Test
    void theAllowlistedTestReceiverMayBeLoopbackAndPlainHttp() throws Exception {
        TargetGuard.Target target = guard.check("http://127.0.0.1:18099/hook");
        assertEquals(InetAddress.getByName("127.0.0.1"), target.address());
        assertEquals(18099, target.port());
    }
}
