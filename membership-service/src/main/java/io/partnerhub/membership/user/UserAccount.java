package io.partnerhub.membership.user;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.partnerhub.membership.domain.UserRole;

@Entity
@Table(name = "user_account")
public class UserAccount {

    public enum Status {
        ACTIVE, DEPARTED, REMOVED
    }

    @Id
    public UUID id;

    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public UserRole role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "departed_at")
    public Instant departedAt;

    @Version
    public long version;
}
