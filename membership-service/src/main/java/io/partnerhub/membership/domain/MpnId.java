package io.partnerhub.membership.domain;

import java.util.regex.Pattern;

/** M1 the partner id (MPN id): digits only, unique across the programme. */
public record MpnId(String value) {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,20}");

    public MpnId {
        if (value == null || !DIGITS.matcher(value.trim()).matches()) {
            throw new IllegalArgumentException("mpnId must be 1 to 20 digits, not '" + value + "'");
        }
        value = value.trim();
    }

    @Override
    public String toString() {
        return value;
    }
}
