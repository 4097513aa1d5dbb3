package io.partnerhub.membership.user;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.partnerhub.membership.domain.NewUser;
import io.partnerhub.membership.domain.UserRole;

/** Request and response bodies of user accounts and associations. */
public final class UserViews {

    private UserViews() {
    }

    /** Adding or changing one account (PUT replaces name, e-mail and role). */
    public record UserBody(
            @NotBlank @Size(max = NewUser.NAME_MAX) String name,
            @NotBlank @Size(max = NewUser.EMAIL_MAX) String email,
            @NotNull UserRole role) {
    }

    public record UserView(UUID id, UUID organizationId, String name, String email, UserRole role, String status,
            String candidateId, Instant createdAt, Instant departedAt) {

        static UserView of(UserAccount u, String candidateId) {
            return new UserView(u.id, u.organizationId, u.name, u.email, u.role, u.status.name(), candidateId,
                    u.createdAt, u.departedAt);
        }
    }

    /**
     * An association request. Candidate ids are opaque strings of at most 64 characters (letters, digits, '-', '_', '.',
     * ':'). An employee's comes from their token (a body candidateId, if given, must equal it); ops name it and give
     * the {@code reason} of the support override.
     */
    public record AssociateCandidate(
            @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]{1,64}",
                    message = "must be 1 to 64 letters, digits, '.', '_', ':' or '-'") String candidateId,
            @Size(max = 500) String reason) {
    }

    /** {@code severedOrganizationId}: the organisation the candidate id left, shown to ops only (null otherwise). */
    public record AssociationView(UUID userId, UUID organizationId, String candidateId, Instant associatedAt,
            UUID severedOrganizationId) {
    }

    public enum RowStatus {
        CREATED, EXISTS, INVALID
    }

    public record ImportRow(int row, RowStatus status, UUID id, String problem) {
    }

    public record ImportReport(List<ImportRow> rows) {
    }
}
