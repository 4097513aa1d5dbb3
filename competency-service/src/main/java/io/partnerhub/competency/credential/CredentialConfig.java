package io.partnerhub.competency.credential;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code partnerhub.competency.credentials.*}: organisation credentials (issue 22). */
@ConfigMapping(prefix = "partnerhub.competency.credentials")
public interface CredentialConfig {

    /** Public base URL of the API (the gateway's {@code /api}): credential, issuer and status-list ids start with it. */
    @WithDefault("http://localhost:8080/api")
    String publicBaseUrl();

    /** The issuer Profile's name (the partner programme). */
    @WithDefault("PartnerHub Partner Programme")
    String issuerName();

    /** The issuer Profile's url (the programme's home page). */
    @WithDefault("https://partnerhub.io/partner-programme")
    String issuerUrl();

    /** A PEM PKCS#8 RSA private key (2048+ bits): the VC-JWT signing key; never committed (a mounted secret). */
    Optional<String> signingKeyLocation();

    /** The signing key's {@code kid}; default its JWK SHA-256 thumbprint. */
    Optional<String> signingKeyId();

    /** Earlier signing keys (PEM, public or private), still published in the JWKS so older credentials verify. */
    Optional<List<String>> previousKeyLocations();

    /** Without a configured key, generate an ephemeral pair (dev and test only; gone at restart). */
    @WithDefault("false")
    boolean ephemeralKey();

    /** How long a built status list is served before it is built again (a revocation shows within this). */
    @WithDefault("500ms")
    Duration statusListCache();
}
