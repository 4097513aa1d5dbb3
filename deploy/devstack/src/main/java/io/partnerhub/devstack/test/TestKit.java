package io.partnerhub.devstack.test;

/**
 * What the tests of every module share besides the broker ({@link Topics}) and the tokens ({@link TestTokens}): the
 * media types a client checks, spelled once, independent of the production constants they check.
 */
public final class TestKit {

    /** RFC 9457 problem documents: every refusal of every service. */
    public static final String PROBLEM_JSON = "application/problem+json";

    private TestKit() {
    }
}
