package io.partnerhub.exam.result;

public enum AttemptStatus {
    SCORED,
    /** E6: a beta exam's score, withheld until liveOn + the release delay */
    WITHHELD
}
