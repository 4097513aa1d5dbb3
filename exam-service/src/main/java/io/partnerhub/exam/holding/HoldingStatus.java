package io.partnerhub.exam.holding;

public enum HoldingStatus {
    ACTIVE, EXPIRED, REVOKED
}
