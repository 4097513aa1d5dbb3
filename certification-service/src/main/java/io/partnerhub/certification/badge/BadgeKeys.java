package io.partnerhub.certification.badge;

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

import io.partnerhub.certification.config.CertificationConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.util.KeyUtils;

/**
 * C8 the issuer's keys: the current RS256 signing key and the previous ones (rotation), all published as a JWKS. Read
 * once at start from configuration; without a configured key, dev and test generate an ephemeral pair (local demo
 * material, gone at restart) and production runs without signing (the unsigned badge still answers).
 */
@Startup
@ApplicationScoped
public class BadgeKeys {

    private final PublicJsonWebKey signing;
    private final List<JsonWebKey> verification = new ArrayList<>();

    public BadgeKeys(CertificationConfig config) {
        CertificationConfig.Badges badges = config.badges();
        try {
            PublicJsonWebKey current = null;
            if (badges.signingKeyLocation().isPresent()) {
                PrivateKey privateKey = readPrivateKey(badges.signingKeyLocation().get());
                current = PublicJsonWebKey.Factory.newPublicJwk(publicOf(privateKey));
                current.setPrivateKey(privateKey);
                Log.infof("Badge signing key from %s", badges.signingKeyLocation().get());
            } else if (badges.ephemeralKey()) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                var pair = generator.generateKeyPair();
                current = PublicJsonWebKey.Factory.newPublicJwk(pair.getPublic());
                current.setPrivateKey(pair.getPrivate());
                Log.warn("No badge signing key configured (partnerhub.certification.badges.signing-key-location): generated "
                        + "an EPHEMERAL key pair, local demo material; badges signed with it stop verifying at restart");
            } else {
                Log.error("No badge signing key configured (partnerhub.certification.badges.signing-key-location): signed "
                        + "badges (application/vc+jwt) and signature checks answer 503");
            }
            if (current != null) {
                current.setKeyId(badges.signingKeyId().orElse(current.calculateBase64urlEncodedThumbprint("SHA-256")));
                current.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
                current.setUse("sig");
                verification.add(current);
            }
            this.signing = current;
            for (String location : badges.previousKeyLocations().orElse(List.of())) {
                PublicJsonWebKey previous = PublicJsonWebKey.Factory.newPublicJwk(readPublicKey(location));
                previous.setKeyId(previous.calculateBase64urlEncodedThumbprint("SHA-256"));
                previous.setUse("sig");
                if (verification.stream().noneMatch(k -> k.getKeyId().equals(previous.getKeyId()))) {
                    verification.add(previous);
                }
            }
        } catch (IOException | GeneralSecurityException | JoseException e) {
            throw new IllegalStateException("Unreadable badge signing key: " + e.getMessage(), e);
        }
    }

    /** The current signing key (with its private half), if any. */
    public Optional<PublicJsonWebKey> signingKey() {
        return Optional.ofNullable(signing);
    }

    /** Every key a badge may have been signed with, newest first. */
    public List<JsonWebKey> verificationKeys() {
        return List.copyOf(verification);
    }

    /** The public JWKS ({@code {"keys":[…]}}), private parts never included. */
    public String jwks() {
        return new JsonWebKeySet(verification).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    private static PrivateKey readPrivateKey(String location) throws IOException, GeneralSecurityException {
        String text = read(location);
        if (!text.contains("-----BEGIN PRIVATE KEY-----")) {
            throw new GeneralSecurityException(location + ": no PEM PRIVATE KEY");
        }
        PrivateKey key = decode(() -> KeyUtils.decodePrivateKey(text));
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
        try {
            return decode(() -> KeyUtils.decodePublicKey(text, SignatureAlgorithm.RS256));
        } catch (GeneralSecurityException notRsa) {
            return decode(() -> KeyUtils.decodePublicKey(text, SignatureAlgorithm.ES256));
        }
    }

    /** A PEM decoded by smallrye-jwt's {@link KeyUtils}; its Base64 refusal counts as an unreadable key too. */
    private static <K> K decode(Decoder<K> decoder) throws GeneralSecurityException {
        try {
            return decoder.decode();
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("not a PEM key: " + e.getMessage(), e);
        }
    }

    private interface Decoder<K> {
        K decode() throws GeneralSecurityException;
    }

    private static String read(String location) throws IOException {
        String path = location.startsWith("file:") ? location.substring("file:".length()) : location;
        return Files.readString(Path.of(path), StandardCharsets.US_ASCII);
    }
}
