package io.partnerhub.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AllowedOriginsTest {

    @ParameterizedTest(name = "configured [{0}], origin {1}, request {2}://{3}: allowed = {4}")
    @CsvSource(delimiter = '|', value = {
            // configured portal origins
            "https://portal.partnerhub.io | https://portal.partnerhub.io | http | gateway:8080 | true",
            "https://portal.partnerhub.io | https://evil.example | http | gateway:8080 | false",
            "https://portal.partnerhub.io | https://portal.partnerhub.io.evil.example | http | gateway:8080 | false",
            "https://portal.partnerhub.io | http://portal.partnerhub.io | http | gateway:8080 | false",
            "https://a.example,https://portal.partnerhub.io | https://portal.partnerhub.io | http | gateway:8080 | true",
            "/https://[a-z]+\\.partnerhub\\.io/ | https://portal.partnerhub.io | http | gateway:8080 | true",
            "/https://[a-z]+\\.partnerhub\\.io/ | https://portal.partnerhub.io.evil.example | http | gateway:8080 | false",
            "* | https://anything.example | http | gateway:8080 | true",
            // none configured: the gateway's own origin only (the portal it serves at /)
            " | http://localhost:8080 | http | localhost:8080 | true",
            " | http://LOCALHOST:8080 | http | localhost:8080 | true",
            " | http://localhost:3000 | http | localhost:8080 | false",
            // as Quarkus' CORS filter decides (it runs after this check and must not be contradicted): with an explicit
            // port the scheme is not compared (one port does not serve both)
            " | https://localhost:8080 | http | localhost:8080 | true",
            // behind a TLS-terminating ingress the portal's own https origin arrives as http on the same host
            " | https://partnerhub.example | http | partnerhub.example | true",
            " | https://partnerhub.example | http | partnerhub.example:8080 | false",
            " | http://gateway | http | gateway:80 | true",
            " | http://gateway:80 | http | gateway | true",
            " | https://gateway | https | gateway:443 | true",
            " | http://gateway/path | http | gateway | false",
            " | null | http | gateway:8080 | false",
            " | http://gate way | http | gateway:8080 | false",
    })
    void aBrowserMayCallFromThePortalOriginsAndTheGatewaysOwnOnly(String configured, String origin, String scheme,
            String authority, boolean allowed) {
        Optional<List<String>> origins = configured == null ? Optional.empty() : Optional.of(Arrays.asList(configured.split(",")));
        assertEquals(allowed, AllowedOrigins.of(origins).allows(origin, scheme, authority));
    }
}
