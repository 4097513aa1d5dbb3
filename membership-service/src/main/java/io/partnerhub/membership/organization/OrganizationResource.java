package io.partnerhub.membership.organization;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
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

import io.partnerhub.chassis.openapi.ProblemExamples;
import io.partnerhub.chassis.paging.PageRequest;
import io.partnerhub.chassis.problem.ResourceNotFound;
import io.partnerhub.chassis.security.Caller;
import io.partnerhub.chassis.security.Roles;
import io.partnerhub.membership.organization.OrganizationViews.OrganizationView;
import io.partnerhub.membership.organization.OrganizationViews.RegisterOrganization;
import io.partnerhub.membership.web.Examples;

@Path("/organizations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Organizations", description = "M1 partner organisations")
@SecurityRequirement(name = "jwt")
public class OrganizationResource {

    /** Organisation ids are UUIDs (36 characters); anything over 64 is refused with 400 before any lookup. */
    static final int ID_MAX = 64;

    private final OrganizationService service;
    private final Caller caller;

    public OrganizationResource(OrganizationService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "Register a partner organisation (ops)",
            description = "Publishes io.partnerhub.organization.registered.v1 on membership-events (subject = the new id).")
    @RequestBody(content = @Content(schema = @Schema(implementation = RegisterOrganization.class),
            examples = @ExampleObject(name = "contoso", value = Examples.REGISTER_ORGANIZATION)))
    @APIResponse(responseCode = "201", description = "Registered; Location names the organisation",
            content = @Content(schema = @Schema(implementation = OrganizationView.class),
                    examples = @ExampleObject(name = "organization", value = Examples.ORGANIZATION)))
    @APIResponse(responseCode = "400", description = "Invalid MPN id, name or country",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "invalid", value = Examples.INVALID)))
    @APIResponse(responseCode = "409", description = "Another organisation has this MPN id",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "taken", value = Examples.MPN_ID_TAKEN)))
    public Response register(@NotNull @Valid RegisterOrganization body) {
        OrganizationView organization = service.register(body);
        return Response.created(URI.create("/organizations/" + organization.id())).entity(organization).build();
    }

    @GET
    @RolesAllowed({ Roles.OPS, Roles.PARTNER_ADMIN })
    @Operation(summary = "Organisations, by name (ops: all; a partner-admin: only their own)",
            description = "q: a part of the name (any case) or the exact MPN id; country: an ISO 3166-1 alpha-2 code. "
                    + "Paged; the total in X-Total-Count.")
    @APIResponse(responseCode = "200", description = "A page of organisations",
            content = @Content(schema = @Schema(implementation = OrganizationView[].class),
                    examples = @ExampleObject(name = "organizations", value = "[" + Examples.ORGANIZATION + "]")))
    @APIResponse(responseCode = "400", description = "page or size out of range, q over 200 characters, country not two letters",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "page", value = ProblemExamples.PAGE_INVALID)))
    public Response list(@QueryParam("q") @Size(max = 200) String q,
            @QueryParam("country") @Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166-1 alpha-2 code like DE") String country,
            @Valid @BeanParam PageRequest paging) {
        UUID only = null;
        if (!caller.isOps()) { // a partner-admin sees their own organisation only (none without a valid org claim)
            only = caller.organizationId().map(OrganizationResource::uuidOrNull).orElse(new UUID(0, 0));
        }
        OrganizationRepository.Search search = new OrganizationRepository.Search(q, country, only);
        return paging.respond(service.search(search, paging.firstResult(), paging.size()), service.count(search));
    }

    private static UUID uuidOrNull(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return new UUID(0, 0);
        }
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.OPS, Roles.PARTNER_ADMIN, Roles.EMPLOYEE })
    @Operation(summary = "One organisation",
            description = "Ops read any organisation; a partner admin or employee reads only their own (the org claim). "
                    + "Any other organisation answers 404.")
    @APIResponse(responseCode = "200", description = "The organisation",
            content = @Content(schema = @Schema(implementation = OrganizationView.class),
                    examples = @ExampleObject(name = "organization", value = Examples.ORGANIZATION)))
    @APIResponse(responseCode = "400", description = "id longer than 64 characters (an organisation id is a UUID)",
            content = @Content(mediaType = Examples.PROBLEM))
    public OrganizationView get(@PathParam("id") @Size(max = ID_MAX) String id) {
        UUID organizationId = parse(id);
        caller.requireOrganization(organizationId.toString());
        return service.get(organizationId);
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ResourceNotFound("organization", id);
        }
    }
}
