package io.partnerhub.exam.domain;

public enum DeliveryMode {
    TEST_CENTER,
    /** needs a passed system pre-check before the appointment is confirmed (E2) */
    ONLINE_PROCTORED
}
