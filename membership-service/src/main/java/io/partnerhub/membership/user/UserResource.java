package io.partnerhub.membership.user;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerhub.chassis.openapi.ProblemExamples;
import io.partnerhub.chassis.paging.PageRequest;
import io.partnerhub.chassis.problem.DomainException;
import io.partnerhub.chassis.problem.InvalidRequest;
import io.partnerhub.chassis.security.Caller;
import io.partnerhub.chassis.security.Roles;
import io.partnerhub.membership.user.UserViews.AssociateCandidate;
import io.partnerhub.membership.user.UserViews.AssociationView;
import io.partnerhub.membership.user.UserViews.UserBody;
import io.partnerhub.membership.user.UserViews.UserView;
import io.partnerhub.membership.web.Examples;
import io.partnerhub.membership.web.Ids;

@Path("/organizations/{id}/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Users", description = "M2/M3 user accounts, association of candidate ids, departures")
@SecurityRequirement(name = "jwt")
public class UserResource {

    private final UserService service;
    private final AssociationService associations;
    private final Caller caller;

    public UserResource(UserService service, AssociationService associations, Caller caller) {
        this.service = service;
        this.associations = associations;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.OPS, Roles.PARTNER_ADMIN })
    @Operation(summary = "Add a user account (ops, the organisation's partner-admin)")
    @RequestBody(content = @Content(schema = @Schema(implementation = UserBody.class),
            examples = @ExampleObject(name = "employee", value = Examples.ADD_USER)))
    @APIResponse(responseCode = "201", description = "Added; Location names the account",
            content = @Content(schema = @Schema(implementation = UserView.class), examples = @ExampleObject(name = "user", value = Examples.USER)))
    @APIResponse(responseCode = "400", description = "Invalid name, e-mail or role",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "invalid", value = Examples.INVALID_EMAIL)))
    @APIResponse(responseCode = "409", description = "The organisation has an account with this e-mail",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "taken", value = Examples.EMAIL_TAKEN)))
    public Response add(@PathParam("id") @Size(max = Ids.MAX) String id, @NotNull @Valid UserBody body) {
        UUID organizationId = organization(id);
        UserView user = service.add(organizationId, body);
        return Response.created(URI.create("/organizations/" + organizationId + "/users/" + user.id())).entity(user).build();
    }

    @GET
    @RolesAllowed({ Roles.OPS, Roles.PARTNER_ADMIN })
    @Operation(summary = "The organisation's user accounts, oldest first (active and departed; removed ones are not listed)")
    @APIResponse(responseCode = "200", description = "A page of accounts; the total in X-Total-Count",
            content = @Content(schema = @Schema(implementation = UserView[].class), examples = @ExampleObject(name = "users", value = "[" + Examples.USER + "]")))
    @APIResponse(responseCode = "400", description = "page or size out of range, id too long",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "invalid", value = ProblemExamples.PAGE_INVALID)))
    public Response list(@PathParam("id") @Size(max = Ids.MAX) String id, @Valid @BeanParam PageRequest paging) {
        UUID organizationId = organization(id);
        return paging.respond(service.list(organizationId, paging.firstResult(), paging.size()), service.count(organizationId));
    }

    @GET
    @Path("/{userId}")
    @RolesAllowed({ Roles.OPS, Roles.PARTNER_ADMIN })
    @Operation(summary = "One user account")
    @APIResponse(responseCode = "200", description = "The account",
            content = @Content(schema = @Schema(implementation = UserView.class), examples = @ExampleObject(name = "user", value = Examples.USER)))
    public UserView get(@PathParam("id") @Size(max = Ids.MAX) String id, @PathParam("userId") @Size(max = Ids.MAX) String userId) {
        return service.get(organization(id), Ids.parse("user", userId));
    }

    @PUT
    @Path("/{userId}")
    @RolesAllowed({ Roles.OPS, Roles.PARTNER_ADMIN })
    @Operation(summary = "Change a user account's name, e-mail and role")
    @RequestBody(content = @Content(schema = @Schema(implementation = UserBody.class),
            examples = @ExampleObject(name = "admin", value = Examples.CHANGE_USER)))
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(schema = @Schema(implementation = UserView.class), examples = @ExampleObject(name = "user", value = Examples.USER)))
    @APIResponse(responseCode = "400", description = "Invalid name, e-mail or role",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "invalid", value = Examples.INVALID_EMAIL)))
    @APIResponse(responseCode = "409", description = "Another account has this e-mail",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "taken", value = Examples.EMAIL_TAKEN)))
    public UserView change(@PathParam("id") @Size(max = Ids.MAX) String id,
            @PathParam("userId") @Size(max = Ids.MAX) String userId, @NotNull @Valid UserBody body) {
        return service.change(organization(id), Ids.parse("user", userId), body);
    }

    @DELETE
    @Path("/{userId}")
    @RolesAllowed({ Roles.OPS, Roles.PARTNER_ADMIN })
    @Operation(summary = "Remove a user account",
            description = "The account leaves the list but is kept as history; an associated candidate id departs "
                    + "(employee.left.v1, DEPARTED).")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response remove(@PathParam("id") @Size(max = Ids.MAX) String id, @PathParam("userId") @Size(max = Ids.MAX) String userId) {
        service.remove(organization(id), Ids.parse("user", userId));
        return Response.noContent().build();
    }

    @POST
    @Path("/{userId}/association")
    @RolesAllowed({ Roles.OPS, Roles.PARTNER_ADMIN, Roles.EMPLOYEE })
    @Operation(summary = "Associate a candidate id with the account (M2): the employee themself, or ops as support",
            description = "An employee of the organisation associates the candidate id of their token's candidate claim "
                    + "(a body candidateId, if given, must be the same). A partner-admin may not (403): a partner-admin "
                    + "invites, the person accepts (POST …/invitations/acceptance). Ops may as a support override, "
                    + "naming the candidateId and a reason, written to the activity log (SUPPORT_ASSOCIATION). A "
                    + "candidate id held by another organisation is severed first, in the same transaction: "
                    + "employee.left.v1 (ASSOCIATED_ELSEWHERE) for the old organisation, then employee.joined.v1; both "
                    + "have subject = the candidate id, so consumers read them in that order. Of two concurrent "
                    + "associations of one candidate id exactly one wins; the other answers 409.")
    @RequestBody(content = @Content(schema = @Schema(implementation = AssociateCandidate.class),
            examples = { @ExampleObject(name = "employee", value = Examples.ASSOCIATE),
                    @ExampleObject(name = "ops support override", value = Examples.ASSOCIATE_SUPPORT) }))
    @APIResponse(responseCode = "200", description = "Associated (severedOrganizationId, for ops only, names the organisation it left)",
            content = @Content(schema = @Schema(implementation = AssociationView.class), examples = @ExampleObject(name = "moved", value = Examples.ASSOCIATION)))
    @APIResponse(responseCode = "400", description = "Invalid candidate id; ops without candidateId or reason",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "invalid", value = Examples.INVALID)))
    @APIResponse(responseCode = "403", description = "A partner-admin, an employee naming another candidate id or without a "
            + "candidate claim, or a role that may not",
            content = @Content(mediaType = Examples.PROBLEM, examples = {
                    @ExampleObject(name = "partner-admin", value = Examples.FORBIDDEN_ADMIN_ASSOCIATION),
                    @ExampleObject(name = "other candidate", value = Examples.FORBIDDEN_CANDIDATE) }))
    @APIResponse(responseCode = "409", description = "Held by another account of this organisation, associated concurrently, "
            + "the account holds another candidate id or has departed",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "taken", value = Examples.CANDIDATE_ASSOCIATED)))
    public AssociationView associate(@PathParam("id") @Size(max = Ids.MAX) String id,
            @PathParam("userId") @Size(max = Ids.MAX) String userId, @Valid AssociateCandidate body) {
        UUID organizationId = organization(id);
        UUID user = Ids.parse("user", userId);
        AssociateCandidate request = body == null ? new AssociateCandidate(null, null) : body;
        if (caller.isOps()) {
            if (request.candidateId() == null) {
                throw new InvalidRequest("candidateId: ops name the candidate id of a support association");
            }
            if (request.reason() == null || request.reason().isBlank()) {
                throw new InvalidRequest("reason: ops give the reason of a support association (it is logged)");
            }
            return associations.associate(organizationId, user, request.candidateId(), request.reason().trim());
        }
        if (!caller.hasRole(Roles.EMPLOYEE)) {
            throw forbidden("A partner-admin invites; the person accepts the invitation with their own token");
        }
        String candidateId = caller.candidateId().orElseThrow(() -> forbidden(
                "An employee token without a candidate claim associates nothing"));
        if (request.candidateId() != null && !request.candidateId().equals(candidateId)) {
            throw forbidden("An employee associates only their own candidate id (the token's candidate claim)");
        }
        AssociationView view = associations.associate(organizationId, user, candidateId, null);
        return new AssociationView(view.userId(), view.organizationId(), view.candidateId(), view.associatedAt(), null);
    }

    @POST
    @Path("/{userId}/departure")
    @Consumes(MediaType.WILDCARD) // no body
    @RolesAllowed({ Roles.OPS, Roles.PARTNER_ADMIN })
    @Operation(summary = "Record that the employee left (M3)",
            description = "The account is kept as history (status DEPARTED); an associated candidate id leaves: "
                    + "employee.left.v1 (DEPARTED).")
    @APIResponse(responseCode = "200", description = "Departed",
            content = @Content(schema = @Schema(implementation = UserView.class), examples = @ExampleObject(name = "departed", value = Examples.DEPARTED_USER)))
    @APIResponse(responseCode = "409", description = "Already departed",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "departed", value = Examples.USER_DEPARTED)))
    public UserView depart(@PathParam("id") @Size(max = Ids.MAX) String id, @PathParam("userId") @Size(max = Ids.MAX) String userId) {
        return service.depart(organization(id), Ids.parse("user", userId));
    }

    private static DomainException forbidden(String detail) {
        return new DomainException(403, "forbidden", "Forbidden", detail);
    }

    private UUID organization(String id) {
        UUID organizationId = Ids.parse("organization", id);
        caller.requireOrganization(organizationId.toString());
        return organizationId;
    }
}
