package io.partnerhub.membership.domain;

/** M2 the role of a user account in its organisation. */
public enum UserRole {
    ADMIN, EMPLOYEE
}
