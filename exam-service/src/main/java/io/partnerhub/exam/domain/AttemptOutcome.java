package io.partnerhub.exam.domain;

/** What an attempt means for the retake policy. */
public enum AttemptOutcome {
    PASSED,
    FAILED,
    /** A beta result whose score is withheld: counts in the window, is neither pass nor failure for waits. */
    WITHHELD
}
