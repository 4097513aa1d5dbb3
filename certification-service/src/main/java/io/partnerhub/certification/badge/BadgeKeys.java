package io.partnerhub.certification.badge;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;

import io.partnerhub.certification.config.CertificationConfig;
import io.partnerhub.chassis.signing.SigningKeys;
import io.quarkus.runtime.Startup;

/**
 * C8 the issuer's keys (chassis {@link SigningKeys}): the current RS256 signing key and the previous ones (rotation),
 * all published as a JWKS. Without a configured key, dev and test generate an ephemeral pair (local demo material, gone
 * at restart) and production runs without signing (the unsigned badge still answers).
 */
@Startup
@ApplicationScoped
public class BadgeKeys {

    private final SigningKeys keys;

    public BadgeKeys(CertificationConfig config) {
        CertificationConfig.Badges badges = config.badges();
        this.keys = new SigningKeys(new SigningKeys.Settings("badge", "partnerhub.certification.badges.signing-key-location",
                badges.signingKeyLocation(), badges.signingKeyId(), badges.ephemeralKey(), badges.previousKeyLocations()));
    }

    /** The current signing key (with its private half), if any. */
    public Optional<PublicJsonWebKey> signingKey() {
        return keys.signingKey();
    }

    /** Every key a badge may have been signed with, newest first. */
    public List<JsonWebKey> verificationKeys() {
        return keys.verificationKeys();
    }

    /** The public JWKS ({@code {"keys":[…]}}), private parts never included. */
    public String jwks() {
        return keys.jwks();
    }
}
