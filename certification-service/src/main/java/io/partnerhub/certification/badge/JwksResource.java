package io.partnerhub.certification.badge;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerhub.certification.web.Examples;

/** C8 the issuer's public keys: the current signing key and the previous ones (rotation). */
@Path("/.well-known/jwks.json")
@PermitAll
@Tag(name = "Badges", description = "C8 Open Badges 3.0 credentials of holdings, public without a token")
@SecurityRequirements
public class JwksResource {

    private final BadgeKeys keys;

    public JwksResource(BadgeKeys keys) {
        this.keys = keys;
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, "application/jwk-set+json" })
    @Operation(summary = "The issuer's public keys (JWKS) that verify VC-JWT badges, current first, then previous ones",
            description = "Match a badge's header kid against keys[].kid. Keys stay published after a rotation so that badges "
                    + "signed before it keep verifying.")
    @APIResponse(responseCode = "200", description = "The JWKS",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "jwks", value = Examples.JWKS)))
    public String jwks() {
        return keys.jwks();
    }
}
