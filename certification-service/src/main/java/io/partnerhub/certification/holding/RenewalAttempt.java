package io.partnerhub.certification.holding;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** C3 one counted attempt at the renewal of a holding, passed or not: a scored renewal assessment or an ops override. */
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

    /** Why ops recorded it by hand (a support override); null when an assessment attempt produced it. */
    @Column(name = "support_reason")
    public String supportReason;

    /** The scored assessment attempt that produced it (issue 21); null for a support override. */
    @Column(name = "assessment_attempt_id")
    public UUID assessmentAttemptId;
}
