package io.partnerhub.membership.domain;

import java.util.Locale;
import java.util.Set;

/** M1 an organisation's country: an ISO 3166-1 alpha-2 code, upper case ("DE", "US"). */
public record CountryCode(String value) {

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    public CountryCode {
        String normalized = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        if (!ISO_COUNTRIES.contains(normalized)) {
            throw new IllegalArgumentException("country must be an ISO 3166-1 alpha-2 code like DE, not '" + value + "'");
        }
        value = normalized;
    }

    @Override
    public String toString() {
        return value;
    }
}
