package io.partnerhub.membership.invitation;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerhub.chassis.paging.PageRequest;
import io.partnerhub.chassis.problem.DomainException;
import io.partnerhub.chassis.problem.InvalidRequest;
import io.partnerhub.chassis.problem.ResourceNotFound;
import io.partnerhub.chassis.security.Caller;
import io.partnerhub.chassis.security.Roles;
import io.partnerhub.membership.domain.InvitationState.Status;
import io.partnerhub.membership.invitation.InvitationViews.Accept;
import io.partnerhub.membership.invitation.InvitationViews.Acceptance;
import io.partnerhub.membership.invitation.InvitationViews.InvitationView;
import io.partnerhub.membership.invitation.InvitationViews.Invite;
import io.partnerhub.membership.web.Examples;
import io.partnerhub.membership.web.Ids;

@Path("/organizations/{id}/invitations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Invitations", description = "M2 a partner-admin invites a person; the person accepts with their own token")
@SecurityRequirement(name = "jwt")
public class InvitationResource {

    private final InvitationService service;
    private final AcceptanceAttempts attempts;
    private final Caller caller;

    public InvitationResource(InvitationService service, AcceptanceAttempts attempts, Caller caller) {
        this.service = service;
        this.attempts = attempts;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.OPS, Roles.PARTNER_ADMIN })
    @Operation(summary = "Invite a person (ops, the organisation's partner-admin)",
            description = "Creates the EMPLOYEE user account unless the organisation has an active account with this "
                    + "e-mail address (then the invitation is for it). The answer carries the code, the only time it "
                    + "is shown (only its hash is stored): hand it to the person, who accepts with their own employee "
                    + "token. A newer invitation for the same account revokes the pending older one. Expires 14 days "
                    + "after creation.")
    @RequestBody(content = @Content(schema = @Schema(implementation = Invite.class),
            examples = @ExampleObject(name = "invite", value = Examples.INVITE)))
    @APIResponse(responseCode = "201", description = "Invited; Location names the invitation; code shown only here",
            content = @Content(schema = @Schema(implementation = InvitationView.class),
                    examples = @ExampleObject(name = "invitation", value = Examples.INVITATION_CREATED)))
    @APIResponse(responseCode = "400", description = "Invalid name or e-mail",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "invalid", value = Examples.INVALID_EMAIL)))
    @APIResponse(responseCode = "409", description = "The account with this e-mail already holds a candidate id, or departed",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "associated", value = Examples.USER_ASSOCIATED)))
    public Response invite(@PathParam("id") @Size(max = Ids.MAX) String id, @NotNull @Valid Invite body) {
        UUID organizationId = organization(id);
        InvitationView invitation = service.invite(organizationId, body);
        return Response.created(URI.create("/organizations/" + organizationId + "/invitations/" + invitation.id()))
                .entity(invitation).build();
    }

    @GET
    @RolesAllowed({ Roles.OPS, Roles.PARTNER_ADMIN })
    @Operation(summary = "The organisation's invitations, newest first (without codes)")
    @APIResponse(responseCode = "200", description = "A page of invitations; the total in X-Total-Count",
            content = @Content(schema = @Schema(implementation = InvitationView[].class),
                    examples = @ExampleObject(name = "invitations", value = "[" + Examples.INVITATION + "]")))
    @APIResponse(responseCode = "400", description = "Unknown status, paging out of range",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "status", value = Examples.INVITATION_BAD_STATUS)))
    public Response list(@PathParam("id") @Size(max = Ids.MAX) String id,
            @QueryParam("status") @Size(max = 64) @Parameter(description = "PENDING, ACCEPTED, REVOKED or EXPIRED") String status,
            @Valid @BeanParam PageRequest paging) {
        UUID organizationId = organization(id);
        Status filter;
        try {
            filter = status == null || status.isBlank() ? null : Status.parse(status);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(e.getMessage());
        }
        return paging.respond(service.list(organizationId, filter, paging.firstResult(), paging.size()),
                service.count(organizationId, filter));
    }

    @POST
    @Path("/{invitationId}/revocation")
    @Consumes(MediaType.WILDCARD) // no body
    @RolesAllowed({ Roles.OPS, Roles.PARTNER_ADMIN })
    @Operation(summary = "Revoke an invitation (its code no longer works); revoking again changes nothing")
    @APIResponse(responseCode = "200", description = "Revoked",
            content = @Content(schema = @Schema(implementation = InvitationView.class),
                    examples = @ExampleObject(name = "revoked", value = Examples.INVITATION_REVOKED)))
    @APIResponse(responseCode = "409", description = "Already accepted",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "closed", value = Examples.INVITATION_CLOSED)))
    public InvitationView revoke(@PathParam("id") @Size(max = Ids.MAX) String id,
            @PathParam("invitationId") @Size(max = Ids.MAX) String invitationId) {
        return service.revoke(organization(id), Ids.parse("invitation", invitationId));
    }

    @POST
    @Path("/acceptance")
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(summary = "Accept an invitation with its code (the invited person's own employee token)",
            description = "The token's org claim must be this organisation (404 otherwise) and the candidate id is the "
                    + "token's candidate claim (403 without one). The account of the invitation is associated exactly as "
                    + "an employee's own association: a candidate id held by another organisation is severed first "
                    + "(employee.left.v1 ASSOCIATED_ELSEWHERE, then employee.joined.v1). An unknown, used, expired or "
                    + "revoked code, or another organisation's, answers 404. At most 5 tries per minute per token "
                    + "subject (429 with Retry-After).")
    @RequestBody(content = @Content(schema = @Schema(implementation = Accept.class),
            examples = @ExampleObject(name = "code", value = Examples.ACCEPT)))
    @APIResponse(responseCode = "200", description = "Accepted: the candidate id is associated with the invited account",
            content = @Content(schema = @Schema(implementation = Acceptance.class),
                    examples = @ExampleObject(name = "accepted", value = Examples.ACCEPTANCE)))
    @APIResponse(responseCode = "400", description = "No code",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "invalid", value = Examples.INVALID)))
    @APIResponse(responseCode = "403", description = "Not an employee token, or one without a candidate claim",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "no candidate", value = Examples.FORBIDDEN_NO_CANDIDATE)))
    @APIResponse(responseCode = "404", description = "Unknown, used, expired or revoked code; another organisation",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "not found", value = Examples.INVITATION_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "The candidate id is held by another account of this organisation, "
            + "or the invited account by another candidate id",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "taken", value = Examples.CANDIDATE_ASSOCIATED)))
    @APIResponse(responseCode = "429", description = "More than 5 tries within a minute; Retry-After says when to try again",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "too many", value = Examples.TOO_MANY_ATTEMPTS)))
    public Acceptance accept(@PathParam("id") @Size(max = Ids.MAX) String id, @NotNull @Valid Accept body) {
        attempts.take(caller.subject().orElseThrow());
        UUID organizationId = Ids.parse("organization", id);
        if (caller.organizationId().filter(organizationId.toString()::equals).isEmpty()) {
            throw new ResourceNotFound("organization", organizationId.toString());
        }
        String candidateId = caller.candidateId().orElseThrow(() -> new DomainException(403, "forbidden", "Forbidden",
                "An employee token without a candidate claim accepts no invitation"));
        return service.accept(organizationId, body.code().trim(), candidateId);
    }

    private UUID organization(String id) {
        UUID organizationId = Ids.parse("organization", id);
        caller.requireOrganization(organizationId.toString());
        return organizationId;
    }
}
