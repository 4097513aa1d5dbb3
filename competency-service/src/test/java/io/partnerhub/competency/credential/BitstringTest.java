package io.partnerhub.competency.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** W3C Bitstring Status List v1.0 codec: bit order, multibase base64url of GZIP, decoding, hostile lists. */
class BitstringTest {

    @ParameterizedTest(name = "bit {0} is byte {1} mask {2}")
    @CsvSource({ "0, 0, 128", "1, 0, 64", "7, 0, 1", "8, 1, 128", "15, 1, 1", "131071, 16383, 1", "7919, 989, 1" })
    void indexZeroIsTheMostSignificantBitOfTheFirstByte(int index, int byteIndex, int mask) throws Exception {
        Bitstring bits = Bitstring.ofLength(Bitstring.MIN_BITS).set(index);
        byte[] raw = gunzip(bits.encode());
        assertEquals(Bitstring.MIN_BITS / 8, raw.length);
        for (int i = 0; i < raw.length; i++) {
            assertEquals(i == byteIndex ? mask : 0, raw[i] & 0xff, "byte " + i);
        }
    }

    @ParameterizedTest(name = "set {0}: read back, neighbours clear")
    @CsvSource({ "0", "1", "8", "4242", "65535", "131071" })
    void anEncodedListDecodesToTheSameBits(int index) {
        Bitstring decoded = Bitstring.decode(Bitstring.ofLength(Bitstring.MIN_BITS).set(index).encode());
        assertEquals(Bitstring.MIN_BITS, decoded.length());
        assertTrue(decoded.get(index));
        if (index > 0) {
            assertFalse(decoded.get(index - 1));
        }
        if (index + 1 < Bitstring.MIN_BITS) {
            assertFalse(decoded.get(index + 1));
        }
    }

    @Test
    void theEncodingIsMultibaseBase64urlWithoutPaddingOfGzip() throws Exception {
        String encoded = Bitstring.ofLength(Bitstring.MIN_BITS).set(3).set(100_000).encode();
        assertEquals('u', encoded.charAt(0));
        assertTrue(encoded.substring(1).matches("[A-Za-z0-9_-]+"), encoded);
        byte[] raw = gunzip(encoded);
        assertEquals(0x10, raw[0] & 0xff);
        assertEquals(0x80 >>> (100_000 % 8), raw[100_000 / 8] & 0xff);
    }

    @Test
    void aListEncodedElsewhereIsRead() throws Exception {
        byte[] raw = new byte[Bitstring.MIN_BITS / 8];
        raw[2] = (byte) 0b0010_0000; // index 18
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(raw);
        }
        String multibase = "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
        Bitstring bits = Bitstring.decode(multibase);
        assertEquals(Set.of(18), IntStream.range(0, bits.length()).filter(bits::get).boxed().collect(java.util.stream.Collectors.toSet()));
        // the 2021 drafts' form: no multibase prefix, padded
        assertTrue(Bitstring.decode(Base64.getUrlEncoder().encodeToString(out.toByteArray())).get(18));
    }

    @ParameterizedTest(name = "refused: \"{0}\"")
    @CsvSource(value = { "''", "u", "u!!!!", "uAAAA", "not base64 at all" }, quoteCharacter = '\'')
    void aListThatIsNotBase64urlOfGzipIsRefused(String encoded) {
        assertThrows(IllegalArgumentException.class, () -> Bitstring.decode(encoded));
    }

    @Test
    void aListInflatingBeyondEightMegabytesIsRefused() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(new byte[Bitstring.MAX_BYTES + 1]);
        }
        String bomb = "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
        assertThrows(IllegalArgumentException.class, () -> Bitstring.decode(bomb));
    }

    @ParameterizedTest(name = "index {0} outside")
    @CsvSource({ "-1", "131072" })
    void anIndexOutsideTheListIsRefused(int index) {
        Bitstring bits = Bitstring.ofLength(Bitstring.MIN_BITS);
        assertThrows(IndexOutOfBoundsException.class, () -> bits.get(index));
        assertThrows(IndexOutOfBoundsException.class, () -> bits.set(index));
    }

    @ParameterizedTest(name = "credential {0} -> list {1} index {2}")
    @CsvSource({ "1, 1, 7919", "2, 1, 48422", "131072, 1, 98488", "131073, 2, 7919" })
    void credentialNumbersGoToScatteredSlotsListByList(long number, int list, int index) {
        assertEquals(new StatusSlot(list, index), StatusSlot.of(number));
    }

    @Test
    void everyIndexOfAListIsUsedExactlyOnce() {
        Set<Integer> seen = new HashSet<>();
        for (long n = 1; n <= Bitstring.MIN_BITS; n++) {
            StatusSlot slot = StatusSlot.of(n);
            assertEquals(1, slot.list());
            assertTrue(seen.add(slot.index()), "index " + slot.index() + " twice");
        }
        assertEquals(Bitstring.MIN_BITS, seen.size());
    }

    private static byte[] gunzip(String multibase) throws Exception {
        assertEquals('u', multibase.charAt(0));
        byte[] compressed = Base64.getUrlDecoder().decode(multibase.substring(1));
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            return in.readAllBytes();
        }
    }
}
