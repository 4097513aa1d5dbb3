package io.partnerhub.certification.badge;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerhub.certification.badge.BadgeViews.BadgeVerification;
import io.partnerhub.certification.badge.BadgeViews.BadgeVerificationRequest;
import io.partnerhub.certification.web.Examples;

/** C8 anyone holding a VC-JWT badge can ask whether its signature is the issuer's and whether it holds now. */
@Path("/badge-verifications")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Badges", description = "C8 Open Badges 3.0 credentials of holdings, public without a token")
@SecurityRequirements
public class BadgeVerificationResource {

    private final BadgeVerifier service;

    public BadgeVerificationResource(BadgeVerifier service) {
        this.service = service;
    }

    @POST
    @Consumes({ MediaType.TEXT_PLAIN, BadgeService.VC_JWT })
    @Operation(summary = "Check a VC-JWT badge: the issuer's signature, then the holding's status now",
            description = "The body is the compact JWS (text/plain or application/vc+jwt), or JSON {\"jwt\": \"…\"}. A tampered "
                    + "token or one signed with a key the issuer never published answers 200 with signatureValid false "
                    + "(and nothing else of it is trusted); a body that is no JWS answers 400.")
    @RequestBody(content = @Content(mediaType = MediaType.TEXT_PLAIN, examples = @ExampleObject(name = "VC-JWT", value = Examples.BADGE_VC_JWT)))
    @APIResponse(responseCode = "200", description = "Checked", content = @Content(schema = @Schema(implementation = BadgeVerification.class),
            examples = {
                    @ExampleObject(name = "valid and active", value = Examples.BADGE_VERIFICATION_VALID),
                    @ExampleObject(name = "tampered", value = Examples.BADGE_VERIFICATION_TAMPERED) }))
    @APIResponse(responseCode = "400", description = "Not a JWS with a JSON header and payload",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "garbage", value = Examples.BADGE_TOKEN_INVALID)))
    @APIResponse(responseCode = "503", description = "No signing key is configured",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "no key", value = Examples.BADGE_SIGNING_UNAVAILABLE)))
    public BadgeVerification verifyText(String jwt) {
        return service.verify(jwt);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check a VC-JWT badge given as JSON {\"jwt\": \"…\"}", description = "As the text/plain form.")
    @RequestBody(content = @Content(schema = @Schema(implementation = BadgeVerificationRequest.class),
            examples = @ExampleObject(name = "VC-JWT", value = "{\"jwt\":\"" + Examples.BADGE_VC_JWT + "\"}")))
    @APIResponse(responseCode = "200", description = "Checked", content = @Content(schema = @Schema(implementation = BadgeVerification.class),
            examples = @ExampleObject(name = "valid and active", value = Examples.BADGE_VERIFICATION_VALID)))
    @APIResponse(responseCode = "400", description = "No jwt, or not a JWS with a JSON header and payload",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "garbage", value = Examples.BADGE_TOKEN_INVALID)))
    public BadgeVerification verifyJson(BadgeVerificationRequest body) {
        return service.verify(body == null ? null : body.jwt());
    }
}
