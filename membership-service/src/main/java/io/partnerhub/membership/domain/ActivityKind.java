package io.partnerhub.membership.domain;

import java.util.Arrays;
import java.util.Locale;

/** What an activity log entry records (one per change an organisation's admin may want to trace). */
public enum ActivityKind {
    USER_ADDED, USER_CHANGED, USER_REMOVED, USERS_IMPORTED, USER_DEPARTED,
    INVITATION_CREATED, INVITATION_REVOKED, INVITATION_ACCEPTED,
    PERSON_JOINED, PERSON_LEFT, SUPPORT_ASSOCIATION,
    PERFORMANCE_REPORTED, PERFORMANCE_CORRECTED,
    MEMBERSHIP_PURCHASED, MEMBERSHIP_RENEWED,
    WEBHOOK_ADDED, WEBHOOK_CHANGED, WEBHOOK_REMOVED, WEBHOOK_SECRET_ROTATED, WEBHOOK_DISABLED,
    DIRECTORY_LISTING_CHANGED;

    /** The kind a filter names, any case; {@code IllegalArgumentException} naming the kinds otherwise. */
    public static ActivityKind parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("kind must be one of " + Arrays.toString(values()));
        }
    }
}
