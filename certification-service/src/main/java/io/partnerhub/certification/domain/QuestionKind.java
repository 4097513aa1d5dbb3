package io.partnerhub.certification.domain;

/** SINGLE: exactly one option is correct; MULTIPLE: one or more are, and all of them (and no other) must be chosen. */
public enum QuestionKind {
    SINGLE, MULTIPLE
}
