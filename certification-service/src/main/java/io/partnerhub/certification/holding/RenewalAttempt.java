package io.partnerhub.certification.holding;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** C3 one attempt at the online renewal assessment of a holding, passed or not. */
@Entity
@Table(name = "renewal_attempt")
public class RenewalAttempt {

    @Id
    public UUID id;

    @Column(name = "holding_id", nullable = false)
    public UUID holdingId;

    @Column(name = "attempted_at", nullable = false)
    public Instant attemptedAt;

    @Column(nullable = false)
    public boolean passed;

    @Column(name = "expires_before", nullable = false)
    public Instant expiresBefore;

    @Column(name = "expires_after", nullable = false)
    public Instant expiresAfter;
}
