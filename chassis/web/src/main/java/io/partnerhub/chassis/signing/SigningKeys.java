package io.partnerhub.chassis.signing;

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

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.lang.JoseException;

import io.quarkus.logging.Log;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.util.KeyUtils;

/**
 * An issuer's keys for verifiable credentials (certification-service's badges, competency-service's organisation
 * credentials; each service owns its own pair): the current RS256 signing key and the earlier ones (rotation), all
 * published as a JWKS. Read once at start from PEM files; without a configured key, dev and test generate an
 * ephemeral pair (local demo material, gone at restart) and production signs nothing.
 */
public final class SigningKeys {

    /**
     * Where the keys come from.
     *
     * @param purpose what is signed, for log lines and errors ("badge", "organisation credential")
     * @param property the configuration property of the signing key's location, named in log lines
     * @param location the PEM PRIVATE KEY (RSA, 2048 bits or more) of the current key, if configured
     * @param keyId the current key's kid (default: its SHA-256 JWK thumbprint)
     * @param ephemeral whether to generate a pair when no key is configured (dev and test only)
     * @param previousLocations PEM keys (public or private) credentials may still be signed with
     */
    public record Settings(String purpose, String property, Optional<String> location, Optional<String> keyId,
            boolean ephemeral, Optional<List<String>> previousLocations) {
    }

    private final PublicJsonWebKey signing;
    private final List<JsonWebKey> verification = new ArrayList<>();

    public SigningKeys(Settings settings) {
        try {
            PublicJsonWebKey current = null;
            if (settings.location().isPresent()) {
                PrivateKey privateKey = readPrivateKey(settings.location().get());
                current = PublicJsonWebKey.Factory.newPublicJwk(publicOf(privateKey));
                current.setPrivateKey(privateKey);
                Log.infof("%s signing key from %s", settings.purpose(), settings.location().get());
            } else if (settings.ephemeral()) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                var pair = generator.generateKeyPair();
                current = PublicJsonWebKey.Factory.newPublicJwk(pair.getPublic());
                current.setPrivateKey(pair.getPrivate());
                Log.warnf("No %s signing key configured (%s): generated an EPHEMERAL key pair, local demo material; what "
                        + "is signed with it stops verifying at restart", settings.purpose(), settings.property());
            } else {
                Log.errorf("No %s signing key configured (%s): signed documents and signature checks answer 503",
                        settings.purpose(), settings.property());
            }
            if (current != null) {
                current.setKeyId(settings.keyId().orElse(current.calculateBase64urlEncodedThumbprint("SHA-256")));
                current.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
                current.setUse("sig");
                verification.add(current);
            }
            this.signing = current;
            for (String location : settings.previousLocations().orElse(List.of())) {
                PublicJsonWebKey previous = PublicJsonWebKey.Factory.newPublicJwk(readPublicKey(location));
                previous.setKeyId(previous.calculateBase64urlEncodedThumbprint("SHA-256"));
                previous.setUse("sig");
                previous.setAlgorithm("EC".equals(previous.getKeyType()) ? AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256
                        : AlgorithmIdentifiers.RSA_USING_SHA256);
                if (verification.stream().noneMatch(k -> k.getKeyId().equals(previous.getKeyId()))) {
                    verification.add(previous);
                }
            }
        } catch (IOException | GeneralSecurityException | JoseException e) {
            throw new IllegalStateException("Unreadable " + settings.purpose() + " signing key: " + e.getMessage(), e);
        }
    }

    /** The current signing key (with its private half), if any. */
    public Optional<PublicJsonWebKey> signingKey() {
        return Optional.ofNullable(signing);
    }

    /** Every key a credential may have been signed with, current first. */
    public List<JsonWebKey> verificationKeys() {
        return List.copyOf(verification);
    }

    /** The public JWKS ({@code {"keys":[…]}}); private parts are never included. */
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
