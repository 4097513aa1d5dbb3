package io.partnerhub.certification.domain;

/** A holding is ACTIVE until it expires (C4) or is revoked (C9); EXPIRED and REVOKED are final (history). */
public enum HoldingStatus {
    ACTIVE, EXPIRED, REVOKED
}
