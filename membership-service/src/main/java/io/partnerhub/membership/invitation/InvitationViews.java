package io.partnerhub.membership.invitation;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.partnerhub.membership.domain.InvitationState.Status;
import io.partnerhub.membership.domain.NewUser;

/** Request and response bodies of invitations. */
public final class InvitationViews {

    private InvitationViews() {
    }

    /** Whom to invite: an EMPLOYEE account is created for this address unless the organisation has an active one. */
    public record Invite(
            @NotBlank @Size(max = NewUser.NAME_MAX) String name,
            @NotBlank @Size(max = NewUser.EMAIL_MAX) String email) {
    }

    /** {@code code} only in the answer that created the invitation; never stored, never shown again. */
    public record InvitationView(UUID id, UUID userId, String email, String name, Status status, Instant createdAt,
            Instant expiresAt, @JsonInclude(JsonInclude.Include.NON_NULL) String code) {
    }

    public record Accept(@NotBlank @Size(max = 128) String code) {
    }

    public record Acceptance(UUID userId, UUID organizationId, String candidateId, Instant associatedAt) {
    }
}
