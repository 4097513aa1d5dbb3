package io.partnerhub.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;

import io.smallrye.jwt.util.KeyUtils;

/**
 * A local RSA key pair for signing demo and test tokens, kept as two PEM files in one directory
 * ({@code private.pem}: PKCS#8, {@code public.pem}: X.509 SubjectPublicKeyInfo, the form
 * {@code mp.jwt.verify.publickey.location} reads). Generated at runtime, never committed; read back with smallrye-jwt's
 * {@link KeyUtils}, the same PEM reader the services' token verification uses.
 */
public final class SigningKeys {

    public static final String PRIVATE_KEY_FILE = "private.pem";
    public static final String PUBLIC_KEY_FILE = "public.pem";

    private final Path directory;
    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private SigningKeys(Path directory, PrivateKey privateKey, PublicKey publicKey) {
        this.directory = directory;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** Loads the pair from {@code directory}, generating it first if it is not there yet. */
    public static synchronized SigningKeys loadOrGenerate(Path directory) {
        try {
            if (!Files.exists(directory.resolve(PRIVATE_KEY_FILE)) || !Files.exists(directory.resolve(PUBLIC_KEY_FILE))) {
                generate(directory);
            }
            return load(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SigningKeys load(Path directory) throws IOException {
        try {
            PrivateKey privateKey = KeyUtils.decodePrivateKey(read(directory.resolve(PRIVATE_KEY_FILE)));
            PublicKey publicKey = KeyUtils.decodePublicKey(read(directory.resolve(PUBLIC_KEY_FILE)));
            return new SigningKeys(directory, privateKey, publicKey);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Unreadable key pair in " + directory + " (delete it to regenerate)", e);
        }
    }

    private static void generate(Path directory) throws IOException {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        Files.createDirectories(directory);
        // write to temp names and move, so a concurrent reader never sees half a pair
        Path privateTmp = Files.createTempFile(directory, "private", ".tmp");
        Path publicTmp = Files.createTempFile(directory, "public", ".tmp");
        restrict(privateTmp);
        Files.writeString(privateTmp, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
        Files.writeString(publicTmp, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(publicTmp, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException | IOException ignored) {
            // not a POSIX file system
        }
        Files.move(privateTmp, directory.resolve(PRIVATE_KEY_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.move(publicTmp, directory.resolve(PUBLIC_KEY_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException ignored) {
            // not a POSIX file system: the key is a local demo key anyway
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.US_ASCII);
    }

    public Path directory() {
        return directory;
    }

    /** Absolute path of the public key PEM: the value for {@code mp.jwt.verify.publickey.location}. */
    public Path publicKeyFile() {
        return directory.resolve(PUBLIC_KEY_FILE).toAbsolutePath();
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public PublicKey publicKey() {
        return publicKey;
    }
}
