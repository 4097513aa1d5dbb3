package io.partnerhub.membership.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class OrganizationValuesTest {

    @Test
    void acceptsDigitOnlyMpnIds() {
        assertEquals("4711001", new MpnId(" 4711001 ").value());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "47-11", "abc", "12 34", "123456789012345678901" })
    void refusesMpnIdsThatAreNotDigits(String value) {
        assertThrows(IllegalArgumentException.class, () -> new MpnId(value));
    }

    @Test
    void normalisesCountriesToUpperCaseIsoCodes() {
        assertEquals("DE", new CountryCode("de").value());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "XX", "Germany", "D", "DEU" })
    void refusesUnknownCountries(String value) {
        assertThrows(IllegalArgumentException.class, () -> new CountryCode(value));
    }
}
