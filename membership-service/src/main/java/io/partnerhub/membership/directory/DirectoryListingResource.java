package io.partnerhub.membership.directory;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

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
import io.partnerhub.membership.directory.DirectoryViews.ChangeListing;
import io.partnerhub.membership.directory.DirectoryViews.ListingView;
import io.partnerhub.membership.web.Examples;
import io.partnerhub.membership.web.Ids;
import io.partnerhub.membership.web.OrganizationAccess;

/** Issue 27: whether an organisation appears in the public partner directory (its partner-admins decide; off by default). */
@Path("/organizations/{id}/directory-listing")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Partner directory", description = "Issue 27 the public partner directory")
@SecurityRequirement(name = "jwt")
public class DirectoryListingResource {

    private final DirectoryService service;
    private final Caller caller;

    public DirectoryListingResource(DirectoryService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.OPS, Roles.PARTNER_ADMIN })
    @Operation(summary = "Whether the organisation is listed in the public partner directory (ops; its partner-admin)",
            description = "With the preview: the entry the directory shows once listed (public fields only). Another organisation's answers 404.")
    @APIResponse(responseCode = "200", description = "The setting",
            content = @Content(schema = @Schema(implementation = ListingView.class),
                    examples = @ExampleObject(name = "listed", value = DirectoryExamples.LISTING)))
    @APIResponse(responseCode = "404", description = "No such organisation, or another organisation's",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "not-found", value = Examples.NOT_FOUND)))
    public ListingView get(@PathParam("id") @Size(max = Ids.MAX) String id) {
        return service.listing(OrganizationAccess.requireAdministrator(caller, id));
    }

    @PUT
    @RolesAllowed({ Roles.OPS, Roles.PARTNER_ADMIN })
    @Operation(summary = "Appear in the public partner directory, or not (ops; its partner-admin)",
            description = "A change is kept in the activity log (DIRECTORY_LISTING_CHANGED {listed}); the same value again "
                    + "changes nothing. Listed, the directory shows the name, country, membership level, the competencies "
                    + "attained and the designations held, nothing else.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ChangeListing.class),
            examples = @ExampleObject(name = "appear", value = DirectoryExamples.CHANGE_LISTING)))
    @APIResponse(responseCode = "200", description = "The setting now",
            content = @Content(schema = @Schema(implementation = ListingView.class),
                    examples = @ExampleObject(name = "listed", value = DirectoryExamples.LISTING)))
    @APIResponse(responseCode = "400", description = "listed missing or not a boolean",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "invalid", value = Examples.INVALID)))
    @APIResponse(responseCode = "404", description = "No such organisation, or another organisation's",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "not-found", value = Examples.NOT_FOUND)))
    public ListingView change(@PathParam("id") @Size(max = Ids.MAX) String id, @NotNull @Valid ChangeListing body) {
        return service.changeListing(OrganizationAccess.requireAdministrator(caller, id), body.listed());
    }
}
