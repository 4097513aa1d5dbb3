package io.partnerhub.competency.credential;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.lang.JoseException;

import io.partnerhub.chassis.problem.DomainException;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.smallrye.jwt.util.KeyUtils;

/**
 * competency-service's own credential keys (not certification-service's badge keys): the current RS256 signing key and
 * earlier ones, all published as a JWKS. Read once at start (a mounted secret in production; the devstack generates a
 * local-demo pair); without one, dev and test generate an ephemeral pair and production signs nothing (503).
 * Same handling as certification-service's BadgeKeys, kept separate so that each service owns its key.
 */
@Startup
@ApplicationScoped
public class CredentialKeys {

    private final PublicJsonWebKey signing;
    private final List<JsonWebKey> verification = new ArrayList<>();

    public CredentialKeys(CredentialConfig config) {
        try {
            PublicJsonWebKey current = null;
            if (config.signingKeyLocation().isPresent()) {
                PrivateKey privateKey = readPrivateKey(config.signingKeyLocation().get());
                current = PublicJsonWebKey.Factory.newPublicJwk(publicOf(privateKey));
                current.setPrivateKey(privateKey);
                Log.infof("Organisation credential signing key from %s", config.signingKeyLocation().get());
            } else if (config.ephemeralKey()) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                var pair = generator.generateKeyPair();
                current = PublicJsonWebKey.Factory.newPublicJwk(pair.getPublic());
                current.setPrivateKey(pair.getPrivate());
                Log.warn("No organisation credential signing key (partnerhub.competency.credentials.signing-key-location): "
                        + "generated an EPHEMERAL pair, local demo material; credentials signed with it stop verifying at restart");
            } else {
                Log.error("No organisation credential signing key (partnerhub.competency.credentials.signing-key-location): "
                        + "credentials are listed but their VC-JWTs, the status lists and verification answer 503");
            }
            if (current != null) {
                current.setKeyId(config.signingKeyId().orElse(current.calculateBase64urlEncodedThumbprint("SHA-256")));
                current.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
                current.setUse("sig");
                verification.add(current);
            }
            this.signing = current;
            for (String location : config.previousKeyLocations().orElse(List.of())) {
                PublicJsonWebKey previous = PublicJsonWebKey.Factory.newPublicJwk(readPublicKey(location));
                previous.setKeyId(previous.calculateBase64urlEncodedThumbprint("SHA-256"));
                previous.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
                previous.setUse("sig");
                if (verification.stream().noneMatch(k -> k.getKeyId().equals(previous.getKeyId()))) {
                    verification.add(previous);
                }
            }
        } catch (IOException | GeneralSecurityException | JoseException | IllegalArgumentException e) {
            throw new IllegalStateException("Unreadable organisation credential key: " + e.getMessage(), e);
        }
    }

    public Optional<PublicJsonWebKey> signingKey() {
        return Optional.ofNullable(signing);
    }

    /** The signing key, or 503 {@code credential-signing-unavailable}. */
    public PublicJsonWebKey requireSigningKey() {
        return signingKey().orElseThrow(CredentialKeys::unavailable);
    }

    /** Every key a credential may have been signed with, current first. */
    public List<JsonWebKey> verificationKeys() {
        return List.copyOf(verification);
    }

    /** The public JWKS ({@code {"keys":[…]}}); private parts are never included. */
    public String jwks() {
        return new JsonWebKeySet(verification).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    static DomainException unavailable() {
        return new DomainException(503, "credential-signing-unavailable", "Credential signing unavailable",
                "No organisation credential signing key is configured (partnerhub.competency.credentials.signing-key-location)");
    }

    private static PrivateKey readPrivateKey(String location) throws IOException, GeneralSecurityException {
        String text = read(location);
        if (!text.contains("-----BEGIN PRIVATE KEY-----")) {
            throw new GeneralSecurityException(location + ": no PEM PRIVATE KEY");
        }
        PrivateKey key = KeyUtils.decodePrivateKey(text);
        if (!(key instanceof RSAPrivateCrtKey rsa) || rsa.getModulus().bitLength() < 2048) {
            throw new GeneralSecurityException(location + ": an RSA private key of 2048 bits or more is required");
        }
        return key;
    }

    private static PublicKey publicOf(PrivateKey key) throws GeneralSecurityException {
        RSAPrivateCrtKey rsa = (RSAPrivateCrtKey) key;
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
    }

    private static PublicKey readPublicKey(String location) throws IOException, GeneralSecurityException {
        String text = read(location);
        if (text.contains("PRIVATE KEY")) {
            return publicOf(readPrivateKey(location));
        }
        if (!text.contains("-----BEGIN PUBLIC KEY-----")) {
            throw new GeneralSecurityException(location + ": no PEM PUBLIC KEY");
        }
        return KeyUtils.decodePublicKey(text);
    }

    private static String read(String location) throws IOException {
        String path = location.startsWith("file:") ? location.substring("file:".length()) : location;
        return Files.readString(Path.of(path), StandardCharsets.US_ASCII);
    }
}
