package io.partnerhub.membership.user;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A candidate id associated with a user account; {@code endedAt} set when it ends (kept as history). */
@Entity
@Table(name = "association")
public class Association {

    @Id
    public UUID id;

    @Column(name = "candidate_id", nullable = false)
    public String candidateId;

    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "associated_at", nullable = false)
    public Instant associatedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "end_reason")
    public String endReason;

    @Version
    public long version;
}
