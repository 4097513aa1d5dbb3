package io.partnerhub.exam.domain;

/** Why a candidate may not take an exam at a given instant (E3). */
public enum IneligibilityReason {
    /** 24 hours after a first failure (first failure since the last pass). */
    FIRST_FAILURE_WAIT,
    /** 14 days after a second or later consecutive failure. */
    REPEATED_FAILURE_WAIT,
    /** 5 attempts used in the current 12-month window. */
    ATTEMPT_LIMIT_REACHED,
    /** The exam was passed and a certification earned with it is active. */
    CERTIFICATION_ACTIVE
}
