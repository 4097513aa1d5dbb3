package io.partnerhub.membership.organization;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request and response bodies of partner organisations. */
public final class OrganizationViews {

    private OrganizationViews() {
    }

    public record RegisterOrganization(
            @NotBlank @Pattern(regexp = "[0-9]{1,20}", message = "must be 1 to 20 digits") String mpnId,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166-1 alpha-2 country code like DE") String country) {
    }

    public record OrganizationView(UUID id, String mpnId, String name, String country, Instant createdAt) {

        static OrganizationView of(Organization o) {
            return new OrganizationView(o.id, o.mpnId, o.name, o.country, o.createdAt);
        }
    }
}
