package io.partnerhub.certification.share;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerhub.certification.transcript.TranscriptViews.TranscriptView;
import io.partnerhub.certification.web.Examples;

/** C7 the public, read-only transcript a share code opens (no token). */
@Path("/shared-transcripts/{code}")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Transcripts", description = "C7 a candidate's transcript")
@SecurityRequirements
public class SharedTranscriptResource {

    private final ShareCodeService service;

    public SharedTranscriptResource(ShareCodeService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "The transcript a share code opens, read-only and without a token",
            description = "The same transcript its candidate sees, without the badge salts. An unknown, revoked or expired code answers 404 alike. "
                    + "Not cached (Cache-Control: no-store), so a revocation takes effect at once.")
    @APIResponse(responseCode = "200", description = "The transcript",
            content = @Content(schema = @Schema(implementation = TranscriptView.class),
                    examples = @ExampleObject(name = "transcript", value = Examples.SHARED_TRANSCRIPT)))
    @APIResponse(responseCode = "404", description = "Unknown, revoked or expired code",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "not found", value = Examples.SHARE_CODE_NOT_FOUND)))
    public Response get(@PathParam("code") String code) {
        return Response.ok(service.open(code)).header("Cache-Control", "no-store").build();
    }
}
