package io.partnerhub.certification.domain;

/** C1 certification levels. */
public enum CertificationLevel {
    FUNDAMENTALS, ASSOCIATE, EXPERT, SPECIALTY
}
