package io.partnerhub.chassis.security;

/** The values of the JWT {@code groups} claim (DESIGN.md §6); use them in {@code @RolesAllowed}. */
public final class Roles {

    public static final String OPS = "ops";
    public static final String PARTNER_ADMIN = "partner-admin";
    public static final String EMPLOYEE = "employee";
    public static final String EXAM_PROVIDER = "exam-provider";
    public static final String REPORTER = "reporter";
    /** A trusted external assessment system (an LMS) reporting results of attempts candidates opened with it. */
    public static final String ASSESSMENT_PROVIDER = "assessment-provider";

    private Roles() {
    }
}
