package io.partnerhub.competency.credential;

/**
 * Where a credential's status bit lives: the n-th credential ever issued (a database sequence from 1) goes to list
 * {@code (n-1) / 131072 + 1}, at an index scattered over the list (an odd multiplier modulo 2^17 is a bijection), so
 * that indexes are unique yet neighbouring credentials are not neighbouring bits (W3C Bitstring Status List,
 * privacy considerations: an index says nothing about the order of issue).
 */
public record StatusSlot(int list, int index) {

    static final int MULTIPLIER = 40_503;
    static final int OFFSET = 7_919;

    public static StatusSlot of(long number) {
        if (number < 1) {
            throw new IllegalArgumentException("credential numbers start at 1, not " + number);
        }
        long position = (number - 1) % Bitstring.MIN_BITS;
        long list = (number - 1) / Bitstring.MIN_BITS + 1;
        if (list > Integer.MAX_VALUE) {
            throw new IllegalStateException("status lists exhausted");
        }
        int index = (int) ((position * MULTIPLIER + OFFSET) % Bitstring.MIN_BITS);
        return new StatusSlot((int) list, index);
    }
}
