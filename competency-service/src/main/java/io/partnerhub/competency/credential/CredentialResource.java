package io.partnerhub.competency.credential;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerhub.chassis.problem.ResourceNotFound;
import io.partnerhub.competency.credential.CredentialViews.OrganizationCredentials;
import io.partnerhub.competency.credential.CredentialViews.Verification;
import io.partnerhub.competency.credential.CredentialViews.VerificationRequest;
import io.partnerhub.competency.web.Examples;

/**
 * Organisation credentials (issue 22), public without a token: an organisation's credentials with their live status,
 * one credential (VC-JWT), the status lists, the issuer, its keys (JWKS) and a verification endpoint.
 */
@Path(CredentialDocuments.PATH)
@PermitAll
@Tag(name = "Organisation credentials", description = "Open Badges 3.0 credentials of organisations' competency levels and "
        + "designations, signed VC-JWT, revocation in a W3C Bitstring Status List; public without a token")
@SecurityRequirements
public class CredentialResource {

    static final int ID_MAX = 200;
    private static final String LD_JSON = "application/ld+json";

    private final CredentialReads reads;
    private final StatusLists lists;
    private final CredentialVerifier verifier;
    private final CredentialDocuments documents;
    private final CredentialKeys keys;

    public CredentialResource(CredentialReads reads, StatusLists lists, CredentialVerifier verifier,
            CredentialDocuments documents, CredentialKeys keys) {
        this.reads = reads;
        this.lists = lists;
        this.verifier = verifier;
        this.documents = documents;
        this.keys = keys;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "An organisation's credentials, each with its live status",
            description = "Every credential issued to the organisation (live ones first, newest first), with ACTIVE or "
                    + "REVOKED as its status-list bit says now. Unknown organisation: 404.")
    @APIResponse(responseCode = "200", description = "The organisation and its credentials",
            content = @Content(schema = @Schema(implementation = OrganizationCredentials.class),
                    examples = @ExampleObject(name = "one active, one revoked", value = CredentialExamples.ORGANIZATION)))
    @APIResponse(responseCode = "400", description = "No organizationId, or one over 200 characters",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "invalid", value = Examples.INVALID)))
    public OrganizationCredentials ofOrganization(
            @QueryParam("organizationId") @NotBlank @Size(max = ID_MAX) String organizationId) {
        return reads.ofOrganization(organizationId);
    }

    @GET
    @Path("/organizations/{organizationId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The organisation as credential subject (its Profile id) and its credentials with live status",
            description = "The same answer as ?organizationId=; this URL is the subject id in the organisation's credentials.")
    @APIResponse(responseCode = "200", description = "The organisation and its credentials",
            content = @Content(schema = @Schema(implementation = OrganizationCredentials.class),
                    examples = @ExampleObject(name = "one active, one revoked", value = CredentialExamples.ORGANIZATION)))
    public OrganizationCredentials organization(@PathParam("organizationId") @Size(max = ID_MAX) String organizationId) {
        return reads.ofOrganization(organizationId);
    }

    @GET
    @Path("/{credentialId}")
    @Produces({ CredentialDocuments.VC_JWT, MediaType.APPLICATION_JSON, LD_JSON })
    @Operation(summary = "One credential: the VC-JWT as issued (or the OpenBadgeCredential JSON when asked for)",
            description = "application/vc+jwt by default: JOSE compact JWS, RS256, kid in the header (keys at "
                    + "/organization-credentials/.well-known/jwks.json), typ vc+jwt. With Accept application/json or "
                    + "application/ld+json the credential itself. Served whatever its status: credentialStatus points at the "
                    + "status list bit.")
    @APIResponse(responseCode = "200", description = "The credential", content = {
            @Content(mediaType = CredentialDocuments.VC_JWT, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "VC-JWT", value = CredentialExamples.VC_JWT)),
            @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "OpenBadgeCredential",
                    value = CredentialExamples.CREDENTIAL)) })
    @APIResponse(responseCode = "404", description = "No such credential (ids are UUIDs)",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "not found", value = CredentialExamples.NOT_FOUND)))
    @APIResponse(responseCode = "503", description = "No signing key is configured",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "no key", value = CredentialExamples.SIGNING_UNAVAILABLE)))
    public Response credential(@PathParam("credentialId") String credentialId, @Context HttpHeaders headers) {
        MediaType json = jsonAskedFor(headers);
        if (json != null) {
            return Response.ok(reads.document(credentialId), json).build();
        }
        return Response.ok(reads.jwt(credentialId), CredentialDocuments.VC_JWT).build();
    }

    @GET
    @Path("/status-lists/{list}")
    @Produces({ CredentialDocuments.VC_JWT, MediaType.APPLICATION_JSON, LD_JSON })
    @Operation(summary = "A W3C Bitstring Status List credential (revocation) of this issuer",
            description = "application/vc+jwt by default (signed with the same key as the credentials); with Accept "
                    + "application/json the credential unsigned. encodedList is the multibase base64url (prefix u, no padding) "
                    + "of the GZIP of 131,072 bits; index 0 is the most significant bit of the first byte; a set bit is a "
                    + "revoked credential. Built on read, at most 500 ms old (ttl). List 1 always exists.")
    @APIResponse(responseCode = "200", description = "The status list credential", content = {
            @Content(mediaType = CredentialDocuments.VC_JWT, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "VC-JWT", value = CredentialExamples.VC_JWT)),
            @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "BitstringStatusListCredential",
                    value = CredentialExamples.STATUS_LIST)) })
    @APIResponse(responseCode = "404", description = "No such list")
    public Response statusList(@PathParam("list") String list, @Context HttpHeaders headers) {
        int number = listNumber(list);
        StatusLists.Built built = lists.list(number).orElseThrow(() -> new ResourceNotFound("status list", String.valueOf(number)));
        MediaType json = jsonAskedFor(headers);
        if (json != null) {
            return Response.ok(built.credential(), json).header("Cache-Control", "max-age=0").build();
        }
        if (built.jwt() == null) {
            throw CredentialKeys.unavailable();
        }
        return Response.ok(built.jwt(), CredentialDocuments.VC_JWT).header("Cache-Control", "max-age=0").build();
    }

    @GET
    @Path("/issuer")
    @Produces({ MediaType.APPLICATION_JSON, LD_JSON })
    @Operation(summary = "The issuer's Open Badges 3.0 Profile (what issuer.id names): the partner programme")
    @APIResponse(responseCode = "200", description = "The Profile",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "Profile", value = CredentialExamples.ISSUER)))
    public java.util.Map<String, Object> issuer() {
        return documents.issuerProfile();
    }

    @GET
    @Path("/.well-known/jwks.json")
    @Produces({ MediaType.APPLICATION_JSON, "application/jwk-set+json" })
    @Operation(summary = "competency-service's public keys (JWKS) that verify organisation credentials and status lists",
            description = "Match a VC-JWT's header kid against keys[].kid; earlier keys stay published after a rotation. "
                    + "Not the badge keys of certification-service (/.well-known/jwks.json).")
    @APIResponse(responseCode = "200", description = "The JWKS",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "jwks", value = CredentialExamples.JWKS)))
    public String jwks() {
        return keys.jwks();
    }

    @POST
    @Path("/verifications")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check an organisation credential: the signature, then its status-list bit",
            description = "Body {\"credential\": \"<VC-JWT>\"} (or the compact JWS as text/plain or application/vc+jwt). "
                    + "A token signed with another key or tampered with answers 200 signatureValid false (nothing else of it "
                    + "is trusted); otherwise issuer, subject, achievement and revoked as the status list says now. A body "
                    + "that is not a JWS with a JSON header and payload is 400.")
    @RequestBody(content = @Content(schema = @Schema(implementation = VerificationRequest.class),
            examples = @ExampleObject(name = "VC-JWT", value = CredentialExamples.VERIFY_REQUEST)))
    @APIResponse(responseCode = "200", description = "Checked", content = @Content(schema = @Schema(implementation = Verification.class),
            examples = { @ExampleObject(name = "valid, not revoked", value = CredentialExamples.VERIFICATION_ACTIVE),
                    @ExampleObject(name = "valid, revoked", value = CredentialExamples.VERIFICATION_REVOKED),
                    @ExampleObject(name = "tampered", value = CredentialExamples.VERIFICATION_TAMPERED) }))
    @APIResponse(responseCode = "400", description = "No credential, or not a JWS with a JSON header and payload",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "garbage", value = CredentialExamples.TOKEN_INVALID)))
    @APIResponse(responseCode = "503", description = "No key is configured",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "no key", value = CredentialExamples.SIGNING_UNAVAILABLE)))
    public Verification verify(VerificationRequest request) {
        return verifier.verify(request == null ? null : request.credential());
    }

    @POST
    @Path("/verifications")
    @Consumes({ MediaType.TEXT_PLAIN, CredentialDocuments.VC_JWT })
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check an organisation credential given as the compact JWS itself", description = "As the JSON form.")
    @RequestBody(content = @Content(mediaType = MediaType.TEXT_PLAIN, examples = @ExampleObject(name = "VC-JWT", value = CredentialExamples.VC_JWT)))
    @APIResponse(responseCode = "200", description = "Checked", content = @Content(schema = @Schema(implementation = Verification.class),
            examples = @ExampleObject(name = "valid, not revoked", value = CredentialExamples.VERIFICATION_ACTIVE)))
    @APIResponse(responseCode = "400", description = "Not a JWS with a JSON header and payload",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "garbage", value = CredentialExamples.TOKEN_INVALID)))
    public Verification verifyText(String jwt) {
        return verifier.verify(jwt);
    }

    /** JSON only when named (not through a wildcard): the VC-JWT is the default. */
    private static MediaType jsonAskedFor(HttpHeaders headers) {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isWildcardType() || accepted.isWildcardSubtype()) {
                continue;
            }
            if (accepted.isCompatible(MediaType.valueOf(CredentialDocuments.VC_JWT))) {
                return null;
            }
            if (accepted.isCompatible(MediaType.valueOf(LD_JSON))) {
                return MediaType.valueOf(LD_JSON);
            }
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return MediaType.APPLICATION_JSON_TYPE;
            }
        }
        return null;
    }

    private static int listNumber(String list) {
        try {
            if (list != null && list.length() <= 9) {
                int number = Integer.parseInt(list);
                if (number >= 1) {
                    return number;
                }
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        throw new ResourceNotFound("status list", list == null ? "" : list.substring(0, Math.min(list.length(), 64)));
    }
}
