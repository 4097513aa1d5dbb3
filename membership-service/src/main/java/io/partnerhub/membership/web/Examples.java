package io.partnerhub.membership.web;

/** OpenAPI examples, kept in one place so that they stay consistent. */
public final class Examples {

    private Examples() {
    }

    public static final String PROBLEM = "application/problem+json";

    public static final String REGISTER_ORGANIZATION = """
            {"mpnId":"4711001","name":"Contoso Ltd","country":"DE"}""";

    public static final String ORGANIZATION = """
            {"id":"3f1c9d2e-5b7a-4e21-8c3f-6a9d0e1b2c4d","mpnId":"4711001","name":"Contoso Ltd","country":"DE",
             "createdAt":"2026-11-23T07:00:00Z"}""";

    public static final String INVALID = """
            {"type":"https://partnerhub.io/problems/validation-failed","title":"Validation failed","status":400,
             "detail":"mpnId: must be 1 to 20 digits","violations":[{"field":"mpnId","message":"must be 1 to 20 digits"}]}""";

    public static final String NOT_FOUND = """
            {"type":"https://partnerhub.io/problems/not-found","title":"Resource not found","status":404,
             "detail":"No organization with id 3f1c9d2e-5b7a-4e21-8c3f-6a9d0e1b2c4d","resource":"organization",
             "id":"3f1c9d2e-5b7a-4e21-8c3f-6a9d0e1b2c4d"}""";

    public static final String MPN_ID_TAKEN = """
            {"type":"https://partnerhub.io/problems/mpn-id-taken","title":"MPN id taken","status":409,
             "detail":"An organization with MPN id 4711001 is already registered","mpnId":"4711001"}""";
}
