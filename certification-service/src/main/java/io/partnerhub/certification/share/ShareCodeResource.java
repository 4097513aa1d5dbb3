package io.partnerhub.certification.share;

import java.net.URI;
import java.util.Objects;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerhub.chassis.paging.PageRequest;
import io.partnerhub.certification.share.ShareCodeViews.CreateShareCode;
import io.partnerhub.certification.share.ShareCodeViews.ShareCodeView;
import io.partnerhub.certification.web.Examples;
import io.partnerhub.chassis.problem.ResourceNotFound;
import io.partnerhub.chassis.security.Caller;
import io.partnerhub.chassis.security.Roles;

/**
 * C7 a candidate's share codes: only the candidate themself (employee, claim candidate) or ops. An exam-provider is let
 * past the role check only to get the same 404 as on the transcript (DESIGN.md §6: data outside its scope is 404).
 */
@Path("/transcripts/{candidateId}/share-codes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Transcripts", description = "C7 a candidate's transcript")
@SecurityRequirement(name = "jwt")
public class ShareCodeResource {

    private final ShareCodeService service;
    private final Caller caller;

    public ShareCodeResource(ShareCodeService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.OPS, Roles.EMPLOYEE, Roles.EXAM_PROVIDER })
    @Operation(summary = "Create a share code that opens the candidate's transcript read-only, without a token",
            description = "The candidate themself or ops; another candidate answers 404. 128 random bits, base64url. "
                    + "expiresAt is optional (absent: until revoked), in the future and at most five years ahead. At most 50 "
                    + "usable codes per candidate.")
    @RequestBody(required = false, content = @Content(schema = @Schema(implementation = CreateShareCode.class),
            examples = { @ExampleObject(name = "expiring", value = Examples.CREATE_SHARE_CODE),
                    @ExampleObject(name = "until revoked", value = "{}") }))
    @APIResponse(responseCode = "201", description = "Created; url opens the transcript",
            headers = @Header(name = "Location", description = "/shared-transcripts/{code}"),
            content = @Content(schema = @Schema(implementation = ShareCodeView.class),
                    examples = @ExampleObject(name = "share code", value = Examples.SHARE_CODE)))
    @APIResponse(responseCode = "400", description = "expiresAt in the past or too far ahead",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "invalid", value = """
                    {"type":"https://partnerhub.io/problems/invalid-request","title":"Invalid request","status":400,
                     "detail":"expiresAt must be in the future"}""")))
    @APIResponse(responseCode = "404", description = "Not your transcript (exam-provider: any)",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "not found", value = Examples.CANDIDATE_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "Too many usable share codes",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "too many", value = Examples.TOO_MANY_SHARE_CODES)))
    public Response create(@PathParam("candidateId") @Size(max = 100) String candidateId, CreateShareCode body) {
        requireOwnerOrOps(candidateId);
        ShareCodeView created = service.create(candidateId, body == null ? null : body.expiresAt());
        return Response.created(URI.create("/shared-transcripts/" + created.code())).entity(created).build();
    }

    @GET
    @RolesAllowed({ Roles.OPS, Roles.EMPLOYEE, Roles.EXAM_PROVIDER })
    @Operation(summary = "The candidate's share codes, oldest first, with their status (ACTIVE, EXPIRED, REVOKED)",
            description = "The candidate themself or ops. Paged: page 0-" + Examples.MAX_PAGE + ", size 1-100; total in X-Total-Count.")
    @APIResponse(responseCode = "200", description = "The share codes",
            headers = @Header(name = "X-Total-Count", description = "number of share codes of the candidate"),
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ShareCodeView.class),
                    examples = @ExampleObject(name = "share codes", value = "[" + Examples.SHARE_CODE + "]")))
    @APIResponse(responseCode = "404", description = "Not your transcript (exam-provider: any)",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "not found", value = Examples.CANDIDATE_NOT_FOUND)))
    public Response list(@PathParam("candidateId") @Size(max = 100) String candidateId,
            @Valid @BeanParam PageRequest paging) {
        requireOwnerOrOps(candidateId);
        return paging.respond(service.ofCandidate(candidateId, paging.page(), paging.size()),
                service.countOfCandidate(candidateId));
    }

    @DELETE
    @Path("/{code}")
    @RolesAllowed({ Roles.OPS, Roles.EMPLOYEE, Roles.EXAM_PROVIDER })
    @Operation(summary = "Revoke a share code: it stops opening the transcript at once (listed as REVOKED)",
            description = "The candidate themself or ops. Revoking a revoked code again is a no-op (204).")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such code of this candidate, or not your transcript (exam-provider: any)",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "not found", value = Examples.SHARE_CODE_NOT_FOUND)))
    public Response revoke(@PathParam("candidateId") @Size(max = 100) String candidateId, @PathParam("code") String code) {
        requireOwnerOrOps(candidateId);
        service.revoke(candidateId, code);
        return Response.noContent().build();
    }

    /** ops, or the employee whose candidate claim is this candidate; anyone else 404, exam providers included. */
    private void requireOwnerOrOps(String candidateId) {
        if (candidateId == null || candidateId.isBlank() || candidateId.length() > 100) {
            throw new ResourceNotFound("candidate", candidateId == null ? "" : candidateId.substring(0, Math.min(candidateId.length(), 64)));
        }
        if (caller.isOps() || (caller.hasRole(Roles.EMPLOYEE)
                && caller.candidateId().filter(own -> Objects.equals(own, candidateId)).isPresent())) {
            return;
        }
        throw new ResourceNotFound("candidate", candidateId);
    }
}
