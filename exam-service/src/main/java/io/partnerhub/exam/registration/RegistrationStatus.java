package io.partnerhub.exam.registration;

public enum RegistrationStatus {
    /** ONLINE_PROCTORED: booked, waiting for a passed system pre-check */
    AWAITING_SYSTEM_CHECK,
    /** confirmed appointment */
    SCHEDULED,
    /** a result has been recorded */
    COMPLETED,
    CANCELLED
}
