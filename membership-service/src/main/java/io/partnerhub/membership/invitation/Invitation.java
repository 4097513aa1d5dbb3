package io.partnerhub.membership.invitation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.partnerhub.membership.domain.InvitationState;

/** An invitation of one user account; the code itself is never stored, only its SHA-256 hash. */
@Entity
@Table(name = "invitation")
public class Invitation {

    @Id
    public UUID id;

    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "code_hash", nullable = false)
    public String codeHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    /** Revoked because a newer invitation for the same account was created. */
    @Column(nullable = false)
    public boolean superseded;

    @Version
    public long version;

    public InvitationState state() {
        return new InvitationState(createdAt, acceptedAt, revokedAt, superseded);
    }
}
