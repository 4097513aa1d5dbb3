package io.partnerhub.membership.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * M2 a user account to add, validated: a name (1–200 characters), an e-mail address (at most 254 characters, one
 * {@code @}, a dot in the domain; stored in lower case) and a role (ADMIN or EMPLOYEE, any case).
 * No field may hold a control character. {@link #validate} answers either the user or the reason it is invalid, so that a
 * bulk import reports every row.
 */
public record NewUser(String name, String email, UserRole role) {

    public static final int NAME_MAX = 200;
    public static final int EMAIL_MAX = 254;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\"<>,;]+@[^@\\s\"<>,;]+\\.[^@\\s\"<>,;.]+");

    /** Either {@code user} or {@code problem} is set. */
    public record Validated(NewUser user, String problem) {

        public boolean valid() {
            return user != null;
        }
    }

    public static Validated validate(String name, String email, String role) {
        for (String[] field : new String[][] { { "name", name }, { "email", email }, { "role", role } }) {
            if (hasControlCharacter(field[1])) {
                return invalid(field[0] + ": must not contain control characters");
            }
        }
        String trimmedName = name == null ? "" : name.trim();
        if (trimmedName.isEmpty()) {
            return invalid("name: must not be blank");
        }
        if (trimmedName.length() > NAME_MAX) {
            return invalid("name: must be at most " + NAME_MAX + " characters");
        }
        String trimmedEmail = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        if (trimmedEmail.isEmpty()) {
            return invalid("email: must not be blank");
        }
        if (trimmedEmail.length() > EMAIL_MAX || !EMAIL.matcher(trimmedEmail).matches()) {
            return invalid("email: must be an e-mail address like ada@contoso.com (at most " + EMAIL_MAX + " characters)");
        }
        UserRole parsedRole;
        try {
            parsedRole = UserRole.valueOf(role == null ? "" : role.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return invalid("role: must be ADMIN or EMPLOYEE");
        }
        return new Validated(new NewUser(trimmedName, trimmedEmail, parsedRole), null);
    }

    /** U+0000–U+001F and U+007F: never part of a name, an address or a role (PostgreSQL refuses U+0000 outright). */
    public static boolean hasControlCharacter(String text) {
        return text != null && text.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    private static Validated invalid(String problem) {
        return new Validated(null, problem);
    }
}
