package io.partnerhub.membership.membership;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

import io.partnerhub.chassis.security.Caller;
import io.partnerhub.chassis.security.Roles;
import io.partnerhub.membership.membership.MembershipViews.MembershipView;
import io.partnerhub.membership.membership.MembershipViews.PurchaseMembership;
import io.partnerhub.membership.web.Examples;
import io.partnerhub.membership.web.Ids;

@Path("/organizations/{id}/membership")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Membership", description = "M5/M6 membership level, benefit packs, renewals and alerts")
@SecurityRequirement(name = "jwt")
public class MembershipResource {

    private final MembershipService service;
    private final Caller caller;

    public MembershipResource(MembershipService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.OPS, Roles.PARTNER_ADMIN, Roles.EMPLOYEE })
    @Operation(summary = "The organisation's membership",
            description = "level: the active subscription's level until it ends (read from the application clock), "
                    + "else NETWORK_MEMBER; renewalAtRisk: the requirements of the active level no longer hold; alerts: "
                    + "one per competency at risk, naming it and why; benefits of the level; competencies as the "
                    + "competency events reported them.")
    @APIResponse(responseCode = "200", description = "The membership",
            content = @Content(schema = @Schema(implementation = MembershipView.class), examples = @ExampleObject(name = "silver at risk", value = Examples.MEMBERSHIP)))
    public MembershipView get(@PathParam("id") @Size(max = Ids.MAX) String id) {
        return service.view(organization(id));
    }

    @POST
    @Path("/purchases")
    @RolesAllowed({ Roles.OPS, Roles.PARTNER_ADMIN })
    @Operation(summary = "Buy the SILVER or GOLD benefit pack for 12 months from today",
            description = "Needs at least one competency attained at that level (GOLD meets SILVER too). Buying GOLD while "
                    + "SILVER runs is an upgrade: the Silver subscription ends today.")
    @RequestBody(content = @Content(schema = @Schema(implementation = PurchaseMembership.class),
            examples = @ExampleObject(name = "silver", value = Examples.PURCHASE)))
    @APIResponse(responseCode = "201", description = "Bought; the membership",
            content = @Content(schema = @Schema(implementation = MembershipView.class), examples = @ExampleObject(name = "silver", value = Examples.MEMBERSHIP)))
    @APIResponse(responseCode = "400", description = "Unknown level",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "invalid", value = Examples.INVALID)))
    @APIResponse(responseCode = "409", description = "level-not-earned, already-subscribed or level-not-purchasable",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "not earned", value = Examples.LEVEL_NOT_EARNED)))
    public Response purchase(@PathParam("id") @Size(max = Ids.MAX) String id, @NotNull @Valid PurchaseMembership body) {
        return Response.status(Response.Status.CREATED).entity(service.purchase(organization(id), body.level())).build();
    }

    @POST
    @Path("/renewals")
    @Consumes(MediaType.WILDCARD) // no body
    @RolesAllowed({ Roles.OPS, Roles.PARTNER_ADMIN })
    @Operation(summary = "Renew the active subscription at the same level for 12 months from its end",
            description = "Only if the requirements hold now: a competency attained at the level and not at risk. "
                    + "No body.")
    @APIResponse(responseCode = "201", description = "Renewed; the membership (renewal names the new subscription)",
            content = @Content(schema = @Schema(implementation = MembershipView.class), examples = @ExampleObject(name = "renewed", value = Examples.MEMBERSHIP)))
    @APIResponse(responseCode = "409", description = "renewal-requirements-not-met, no-subscription or already-renewed",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "not met", value = Examples.RENEWAL_NOT_MET)))
    public Response renew(@PathParam("id") @Size(max = Ids.MAX) String id) {
        return Response.status(Response.Status.CREATED).entity(service.renew(organization(id))).build();
    }

    private UUID organization(String id) {
        UUID organizationId = Ids.parse("organization", id);
        caller.requireOrganization(organizationId.toString());
        return organizationId;
    }
}
