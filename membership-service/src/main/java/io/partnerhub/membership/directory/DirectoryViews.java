package io.partnerhub.membership.directory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import io.partnerhub.membership.domain.MembershipLevel;
import io.partnerhub.membership.domain.PartnerDirectory.PublicCompetency;
import io.partnerhub.membership.domain.PartnerDirectory.PublicDesignation;

/** Request and response bodies of the public partner directory (issue 27). */
public final class DirectoryViews {

    private DirectoryViews() {
    }

    /** The partner-admin's setting: appear in the public directory or not. */
    public record ChangeListing(@NotNull Boolean listed) {
    }

    /** {@code preview}: the entry the directory shows (or would show, once listed): exactly the public fields. */
    public record ListingView(UUID organizationId, boolean listed, Instant changedAt, DirectoryEntry preview) {
    }

    /** One listed partner: public facts only (no people, figures, reasons or subscription dates). */
    public record DirectoryEntry(UUID id, String name, String country, MembershipLevel level,
            List<PublicCompetency> competencies, List<PublicDesignation> designations) {
    }
}
