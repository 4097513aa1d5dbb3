package io.partnerhub.certification.domain;

/** C1/C5 lifecycle: ACTIVE, then RETIRING once a retirement date is announced, RETIRED from that date. */
public enum CertificationStatus {
    ACTIVE, RETIRING, RETIRED
}
