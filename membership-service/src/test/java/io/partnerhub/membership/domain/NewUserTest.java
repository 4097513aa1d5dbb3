package io.partnerhub.membership.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** M2 import row validation: each row is valid or INVALID with the reason. */
class NewUserTest {

    @ParameterizedTest(name = "[{0}] [{1}] [{2}] -> {3}")
    @CsvSource(nullValues = "NULL", value = {
            "Ada Lovelace, ada@contoso.com,    EMPLOYEE, ",
            "Ada Lovelace, ADA@Contoso.COM,    admin,    ",
            "'',           ada@contoso.com,    EMPLOYEE, name: must not be blank",
            "NULL,         ada@contoso.com,    EMPLOYEE, name: must not be blank",
            "Ada,          not-an-email,       EMPLOYEE, email: must be an e-mail address like ada@contoso.com (at most 254 characters)",
            "Ada,          ada@contoso,        EMPLOYEE, email: must be an e-mail address like ada@contoso.com (at most 254 characters)",
            "Ada,          'a b@contoso.com',  EMPLOYEE, email: must be an e-mail address like ada@contoso.com (at most 254 characters)",
            "Ada,          '',                 EMPLOYEE, email: must not be blank",
            "Ada,          ada@contoso.com,    BOSS,     role: must be ADMIN or EMPLOYEE",
            "Ada,          ada@contoso.com,    NULL,     role: must be ADMIN or EMPLOYEE" })
    void validatesAnImportRow(String name, String email, String role, String problem) {
        NewUser.Validated validated = NewUser.validate(name, email, role);
        assertEquals(problem, validated.problem());
        assertEquals(problem == null, validated.valid());
    }

    @Test
    void normalisesTheEmailToLowerCaseAndTheRole() {
        NewUser user = NewUser.validate("  Ada ", " ADA@Contoso.COM ", "admin").user();
        assertEquals("Ada", user.name());
        assertEquals("ada@contoso.com", user.email());
        assertEquals(UserRole.ADMIN, user.role());
    }

    @Test
    void refusesOverlongNamesAndEmails() {
        assertTrue(NewUser.validate("x".repeat(201), "a@b.co", "ADMIN").problem().startsWith("name:"));
        assertTrue(NewUser.validate("Ada", "a".repeat(250) + "@b.co", "ADMIN").problem().startsWith("email:"));
        assertNull(NewUser.validate("x".repeat(200), "a@b.co", "ADMIN").problem());
    }
}
