package io.partnerhub.certification.config;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "partnerhub.certification")
public interface CertificationConfig {

    /** How often the expiry sweep runs (C4). */
    @WithDefault("60s")
    String sweepInterval();

    /** Holdings expired per transaction by the sweep; it repeats batches until nothing is due. */
    @WithDefault("200")
    int sweepBatchSize();

    /**
     * Where the public reaches this service (the gateway's {@code /api}): badge, issuer and verification ids and the
     * share-code URLs start with it. No trailing slash.
     */
    @WithDefault("http://localhost:8080/api")
    String publicBaseUrl();

    /** A share code without an expiry, or this far ahead at most (C7). */
    @WithDefault("P1825D")
    java.time.Duration shareCodeMaxLifetime();

    /** Share codes a candidate may have usable (not revoked, not expired) at once. */
    @WithDefault("50")
    int shareCodesPerCandidate();

    Badges badges();

    /** C8 badges: the issuer and its signing keys. */
    interface Badges {

        /** The issuer profile's name. */
        @WithDefault("PartnerHub Certification Programme")
        String issuerName();

        /**
         * PEM file (PKCS#8 {@code PRIVATE KEY}, RSA of 2048 bits or more) that signs VC-JWT badges (RS256). Required in production;
         * without it the signed form and signature checks answer 503.
         */
        Optional<String> signingKeyLocation();

        /** {@code kid} of the signing key; default its RFC 7638 JWK thumbprint. */
        Optional<String> signingKeyId();

        /**
         * PEM files (X.509 {@code PUBLIC KEY}, RSA or EC, or an RSA {@code PRIVATE KEY}) of previous signing keys: still published in the JWKS and accepted by
         * {@code POST /badge-verifications}, so badges signed before a rotation keep verifying. Their kid is their
         * thumbprint.
         */
        Optional<List<String>> previousKeyLocations();

        /** Without a configured key, generate an ephemeral one at start (dev and test only: local demo material). */
        @WithDefault("false")
        boolean ephemeralKey();
    }
}
