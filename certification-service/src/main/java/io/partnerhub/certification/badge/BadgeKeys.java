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
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
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
        byte[] der = pem(location, "PRIVATE KEY");
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
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
        byte[] der = pem(location, "PUBLIC KEY");
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException notRsa) {
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
        }
    }

    private static byte[] pem(String location, String label) throws IOException, GeneralSecurityException {
        String text = read(location);
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new GeneralSecurityException(location + ": no PEM " + label);
        }
        return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    }

    private static String read(String location) throws IOException {
        String path = location.startsWith("file:") ? location.substring("file:".length()) : location;
        return Files.readString(Path.of(path), StandardCharsets.US_ASCII);
    }
}
