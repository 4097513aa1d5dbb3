package io.partnerhub.chassis.openapi;

/**
 * The problem+json examples every service's OpenAPI document shares (not found, invalid paging, an over-long id, an
 * invalid character, too many requests), once. {@link StandardProblemResponses} puts them on the responses an operation
 * does not declare itself; a resource may name them in its own {@code @ExampleObject}s too.
 */
public final class ProblemExamples {

    private ProblemExamples() {
    }

    public static final String UNAUTHORIZED = """
            {"type":"https://partnerhub.io/problems/unauthorized","title":"Authentication required","status":401,
             "detail":"A valid bearer token is required"}""";

    public static final String FORBIDDEN = """
            {"type":"https://partnerhub.io/problems/forbidden","title":"Forbidden","status":403,
             "detail":"Your role does not allow this operation"}""";

    public static final String NOT_FOUND = """
            {"type":"https://partnerhub.io/problems/not-found","title":"Resource not found","status":404,
             "detail":"No organization with id 3f1c9d2e-5b7a-4e21-8c3f-6a9d0e1b2c4d","resource":"organization",
             "id":"3f1c9d2e-5b7a-4e21-8c3f-6a9d0e1b2c4d"}""";

    public static final String ID_TOO_LONG = """
            {"type":"https://partnerhub.io/problems/validation-failed","title":"Validation failed","status":400,
             "detail":"id: size must be between 0 and 100","violations":[{"field":"id","message":"size must be between 0 and 100"}]}""";

    public static final String PAGE_INVALID = """
            {"type":"https://partnerhub.io/problems/validation-failed","title":"Validation failed","status":400,
             "detail":"page: must be at most 100000","violations":[{"field":"page","message":"must be at most 100000"}]}""";

    public static final String INVALID_CHARACTER = """
            {"type":"https://partnerhub.io/problems/invalid-character","title":"Invalid character","status":400,
             "detail":"A path segment contains the control character U+0000"}""";
}
