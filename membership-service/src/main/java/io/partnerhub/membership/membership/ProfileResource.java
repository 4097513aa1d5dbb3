package io.partnerhub.membership.membership;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerhub.membership.membership.MembershipViews.ProfileView;
import io.partnerhub.membership.web.Examples;
import io.partnerhub.membership.web.Ids;

@Path("/organizations/{id}/profile")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Membership")
public class ProfileResource {

    private final MembershipService service;

    public ProfileResource(MembershipService service) {
        this.service = service;
    }

    @GET
    @PermitAll
    @Operation(summary = "The public business profile (no token)",
            description = "Name, country, membership level; a SILVER member shows its Silver competencies, a GOLD member "
                    + "its Silver and Gold ones; a NETWORK_MEMBER none.")
    @APIResponse(responseCode = "200", description = "The profile",
            content = @Content(schema = @Schema(implementation = ProfileView.class), examples = @ExampleObject(name = "gold", value = Examples.PROFILE)))
    public ProfileView get(@PathParam("id") @Size(max = Ids.MAX) String id) {
        return service.profile(Ids.parse("organization", id));
    }
}
