package io.partnerhub.certification.domain;

/** Why a renewal attempt is refused (C3), with the problem type slug the API answers. */
public enum RenewalRefusal {
    /** expired or revoked: re-earned only through the exams */
    HOLDING_NOT_ACTIVE("holding-not-active"),
    /** fundamentals never expire */
    NEVER_EXPIRES("renewal-not-needed"),
    /** past its expiry (the sweep may not have run yet) */
    HOLDING_EXPIRED("holding-not-active"),
    /** C5 */
    CERTIFICATION_RETIRED("certification-retired"),
    /** before expiry - 180 days */
    WINDOW_NOT_OPEN("renewal-window-closed"),
    /** the third and later attempts wait 24 hours after the previous one */
    WAIT("renewal-wait");

    private final String problemSlug;

    RenewalRefusal(String problemSlug) {
        this.problemSlug = problemSlug;
    }

    public String problemSlug() {
        return problemSlug;
    }
}
