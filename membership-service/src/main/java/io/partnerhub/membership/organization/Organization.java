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

    /** Issue 27: listed in the public partner directory (its partner-admins' choice; off by default). */
    @Column(name = "listed_in_directory", nullable = false)
    public boolean listedInDirectory;

    @Column(name = "listing_changed_at")
    public Instant listingChangedAt;

    @Version
    public long version;
}
