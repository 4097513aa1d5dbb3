package io.partnerhub.competency.credential;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;

import io.partnerhub.chassis.problem.DomainException;
import io.partnerhub.chassis.signing.SigningKeys;
import io.quarkus.runtime.Startup;

/**
 * competency-service's own credential keys (not certification-service's badge keys; both are chassis
 * {@link SigningKeys}): the current RS256 signing key and earlier ones, all published as a JWKS. Read once at start (a
 * mounted secret in production; the devstack generates a local-demo pair); without one, dev and test generate an
 * ephemeral pair and production signs nothing (503).
 */
@Startup
@ApplicationScoped
public class CredentialKeys {

    private final SigningKeys keys;

    public CredentialKeys(CredentialConfig config) {
        this.keys = new SigningKeys(new SigningKeys.Settings("organisation credential",
                "partnerhub.competency.credentials.signing-key-location", config.signingKeyLocation(),
                config.signingKeyId(), config.ephemeralKey(), config.previousKeyLocations()));
    }

    /** The current signing key (with its private half), if any. */
    public Optional<PublicJsonWebKey> signingKey() {
        return keys.signingKey();
    }

    /** The signing key, or 503 {@code credential-signing-unavailable}. */
    public PublicJsonWebKey requireSigningKey() {
        return signingKey().orElseThrow(CredentialKeys::unavailable);
    }

    /** Every key a credential may have been signed with, current first. */
    public List<JsonWebKey> verificationKeys() {
        return keys.verificationKeys();
    }

    /** The public JWKS ({@code {"keys":[…]}}); private parts are never included. */
    public String jwks() {
        return keys.jwks();
    }

    static DomainException unavailable() {
        return new DomainException(503, "credential-signing-unavailable", "Credential signing unavailable",
                "No organisation credential signing key is configured (partnerhub.competency.credentials.signing-key-location)");
    }
}
