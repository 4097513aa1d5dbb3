package io.partnerhub.competency.credential;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * W3C Bitstring Status List v1.0 codec: a bitstring whose index 0 is the left-most (most significant) bit of the first
 * byte, encoded as the multibase base64url (prefix {@code u}, no padding) of its GZIP. A list has at least
 * {@link #MIN_BITS} bits (16 KB), so that one credential's index says little about which credential it is.
 */
public final class Bitstring {

    /** The specification's minimum list length (131,072 bits). */
    public static final int MIN_BITS = 131_072;
    /** The largest decoded list accepted (8 MB of bits): a hostile encodedList cannot inflate without bound. */
    static final int MAX_BYTES = 8 * 1024 * 1024;

    private final byte[] bytes;

    private Bitstring(byte[] bytes) {
        this.bytes = bytes;
    }

    /** All bits clear; {@code bits} is rounded up to whole bytes. */
    public static Bitstring ofLength(int bits) {
        if (bits < 1) {
            throw new IllegalArgumentException("a bitstring has at least one bit, not " + bits);
        }
        return new Bitstring(new byte[(bits + 7) / 8]);
    }

    public int length() {
        return bytes.length * 8;
    }

    public Bitstring set(int index) {
        check(index);
        bytes[index / 8] |= (byte) (0x80 >>> (index % 8));
        return this;
    }

    public boolean get(int index) {
        check(index);
        return (bytes[index / 8] & (0x80 >>> (index % 8))) != 0;
    }

    /** {@code u} + base64url without padding of the GZIP of the bits. */
    public String encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    /**
     * Reads an {@code encodedList}. A leading {@code u} (multibase base64url) is expected; without it the text is read
     * as plain base64url (the 2021 drafts' form). Anything that is not base64url of a GZIP is an
     * {@link IllegalArgumentException}.
     */
    public static Bitstring decode(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            throw new IllegalArgumentException("empty encodedList");
        }
        String text = encoded.charAt(0) == 'u' ? encoded.substring(1) : encoded;
        byte[] compressed = Base64.getUrlDecoder().decode(text.replace("=", ""));
        try (InputStream gzip = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            byte[] bytes = gzip.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new IllegalArgumentException("encodedList longer than " + MAX_BYTES + " bytes");
            }
            if (bytes.length == 0) {
                throw new IllegalArgumentException("encodedList holds no bits");
            }
            return new Bitstring(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("encodedList is not GZIP: " + e.getMessage(), e);
        }
    }

    private void check(int index) {
        if (index < 0 || index >= length()) {
            throw new IndexOutOfBoundsException("index " + index + " outside a bitstring of " + length() + " bits");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Bitstring b && Arrays.equals(bytes, b.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }
}
