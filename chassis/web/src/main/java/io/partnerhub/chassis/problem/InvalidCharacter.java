package io.partnerhub.chassis.problem;

/**
 * 400 problem {@code invalid-character}: a control character where none is accepted (U+0000 in a JSON string, any
 * control character in a path segment or query parameter; see {@code io.partnerhub.chassis.input}).
 */
public class InvalidCharacter extends DomainException {

    public static final String TYPE = "invalid-character";
    public static final String TITLE = "Invalid character";

    public InvalidCharacter(String detail) {
        super(400, TYPE, TITLE, detail);
    }
}
