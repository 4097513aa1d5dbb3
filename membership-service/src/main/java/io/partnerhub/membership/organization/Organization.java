package io.partnerhub.membership.organization;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "organization")
public class Organization {

    @Id
    public UUID id;

    @Column(name = "mpn_id", nullable = false, unique = true)
    public String mpnId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false, columnDefinition = "bpchar")
    public String country;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;
}
