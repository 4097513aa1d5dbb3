package io.partnerhub.certification.badge;

import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerhub.certification.badge.BadgeViews.BadgeVerificationStatus;
import io.partnerhub.certification.web.Examples;
import io.partnerhub.chassis.problem.ResourceNotFound;

/** C8 public badges: the OpenBadgeCredential of a holding (JSON-LD or VC-JWT), its live status, the issuer profile. */
@Path("/badges")
@PermitAll
@Tag(name = "Badges", description = "C8 Open Badges 3.0 credentials of holdings, public without a token")
@SecurityRequirements
public class BadgeResource {

    public static final String LD_JSON = "application/ld+json";

    private final BadgeService service;

    public BadgeResource(BadgeService service) {
        this.service = service;
    }

    @GET
    @Path("/issuer")
    @Produces({ MediaType.APPLICATION_JSON, LD_JSON })
    @Operation(summary = "The issuer's Open Badges 3.0 Profile (what issuer.id of every badge resolves to)")
    @APIResponse(responseCode = "200", description = "The issuer profile",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "issuer", value = Examples.ISSUER)))
    public Map<String, Object> issuer() {
        return service.issuerProfile();
    }

    @GET
    @Path("/{holdingId}")
    @Produces({ MediaType.APPLICATION_JSON, LD_JSON, BadgeService.VC_JWT })
    @Operation(summary = "A holding's badge: an Open Badges 3.0 OpenBadgeCredential",
            description = "JSON-LD by default; with `Accept: application/vc+jwt` the same credential signed as a VC-JWT "
                    + "(JOSE compact JWS, RS256, `kid` in the header, `typ` vc+jwt; keys at /.well-known/jwks.json). "
                    + "Served whatever the holding's status: credentialStatus points at the live verification. "
                    + "validUntil is absent for fundamentals; the successor of a retired certification is "
                    + "achievement.related.")
    @APIResponse(responseCode = "200", description = "The credential", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "OpenBadgeCredential", value = Examples.BADGE)),
            @Content(mediaType = BadgeService.VC_JWT, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING),
                    examples = @ExampleObject(name = "VC-JWT", value = Examples.BADGE_VC_JWT)) })
    @APIResponse(responseCode = "503", description = "Signed form asked for, but no signing key is configured",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "no key", value = Examples.BADGE_SIGNING_UNAVAILABLE)))
    public Response badge(@PathParam("holdingId") String holdingId, @Context HttpHeaders headers) {
        UUID id = holdingId(holdingId);
        MediaType wanted = preferred(headers);
        if (wanted.isCompatible(MediaType.valueOf(BadgeService.VC_JWT))) {
            return Response.ok(service.signed(id), BadgeService.VC_JWT).build();
        }
        return Response.ok(service.credential(id), wanted).build();
    }

    @GET
    @Path("/{holdingId}/verification")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Is this badge valid now? ACTIVE, EXPIRED or REVOKED, with the dates; and, with identifier and "
            + "salt, is it this person's?",
            description = "EXPIRED as soon as validUntil is reached; revokedAt and reason only for a revoked holding. The badge "
                    + "names its recipient only as a salted hash (IdentityObject, hashed: true). With both `identifier` (the "
                    + "candidate id) and `salt` (the holding's badgeSalt, which the holder gives out) the answer adds "
                    + "recipientMatches: true when they hash to the badge's identityHash, false otherwise; without both it is absent.")
    @APIResponse(responseCode = "200", description = "The live status",
            content = @Content(schema = @Schema(implementation = BadgeVerificationStatus.class), examples = {
                    @ExampleObject(name = "active", value = Examples.BADGE_STATUS_ACTIVE),
                    @ExampleObject(name = "recipient checked", value = Examples.BADGE_STATUS_RECIPIENT_MATCHES),
                    @ExampleObject(name = "revoked", value = Examples.BADGE_STATUS_REVOKED) }))
    @APIResponse(responseCode = "400", description = "identifier or salt longer than 100 characters, or a control character in them",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "invalid", value = Examples.INVALID)))
    public BadgeVerificationStatus verification(@PathParam("holdingId") String holdingId,
            @Parameter(description = "the recipient's candidate id, to check against the badge's hashed identity", example = "c-100042")
            @QueryParam("identifier") @Size(max = 100) String identifier,
            @Parameter(description = "the holding's badgeSalt, from the holder", example = "9f3c1a7e5b2d4c6e8a0b1c2d3e4f5a6b")
            @QueryParam("salt") @Size(max = 100) String salt) {
        return service.status(holdingId(holdingId), identifier, salt);
    }

    /** The first acceptable type we serve, by the client's preference; VC-JWT only when named, never via a wildcard. */
    private static MediaType preferred(HttpHeaders headers) {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (!accepted.isWildcardType() && !accepted.isWildcardSubtype()
                    && accepted.isCompatible(MediaType.valueOf(BadgeService.VC_JWT))) {
                return MediaType.valueOf(BadgeService.VC_JWT);
            }
            if (accepted.isCompatible(MediaType.valueOf(LD_JSON)) && !accepted.isWildcardType() && !accepted.isWildcardSubtype()) {
                return MediaType.valueOf(LD_JSON);
            }
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return MediaType.APPLICATION_JSON_TYPE;
            }
        }
        return MediaType.APPLICATION_JSON_TYPE;
    }

    static UUID holdingId(String id) {
        UUID parsed = BadgeService.parseHoldingId(id);
        if (parsed == null) {
            throw new ResourceNotFound("badge", id == null ? "" : id.substring(0, Math.min(id.length(), 64)));
        }
        return parsed;
    }
}
