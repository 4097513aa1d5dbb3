package io.partnerhub.membership.membership;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.partnerhub.membership.domain.MembershipLevel;
import io.partnerhub.membership.domain.Subscription;

@Entity
@Table(name = "subscription")
public class SubscriptionRow {

    @Id
    public UUID id;

    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MembershipLevel level;

    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    public LocalDate endsOn;

    /** PURCHASE or RENEWAL. */
    @Column(nullable = false)
    public String kind;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public Subscription toDomain() {
        return new Subscription(level, startsOn, endsOn);
    }
}
