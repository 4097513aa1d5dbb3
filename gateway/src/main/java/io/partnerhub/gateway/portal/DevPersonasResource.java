package io.partnerhub.gateway.portal;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerhub.chassis.problem.ResourceNotFound;
import io.smallrye.common.annotation.Blocking;

/**
 * The partner portal's persona picker (local demo only): the JSON document of demo personas with their signed tokens
 * that {@code deploy/run} writes and names in {@code PARTNERHUB_PORTAL_DEV_PERSONAS_FILE}. Without that setting (every
 * real deployment) this answers 404 and the portal asks for a bearer token from the identity provider instead.
 */
@Path("/dev/personas")
@PermitAll
@Tag(name = "Portal")
public class DevPersonasResource {

    static final String EXAMPLE = """
            [{"label":"ops (operations staff)","role":"ops","token":"eyJ…"},
             {"label":"partner-admin of Contoso Cloud","role":"partner-admin","org":"5eed0000-0000-4000-8000-000000000001","token":"eyJ…"}]""";

    private final Optional<String> personasFile;

    public DevPersonasResource(@ConfigProperty(name = "partnerhub.portal.dev-personas-file") Optional<String> personasFile) {
        this.personasFile = personasFile;
    }

    @GET
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Demo personas for the portal's sign-in (local devstack only; 404 everywhere else)")
    @APIResponse(responseCode = "200", description = "The personas, each with a demo token",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "personas", value = EXAMPLE)))
    @APIResponse(responseCode = "404", description = "Not a local demo: sign in with a token from the identity provider")
    public String personas() {
        java.nio.file.Path file = personasFile.filter(name -> !name.isBlank()).map(java.nio.file.Path::of)
                .orElseThrow(() -> new ResourceNotFound("personas", "dev"));
        try {
            return Files.readString(file);
        } catch (IOException notWrittenYet) {
            throw new ResourceNotFound("personas", "dev");
        }
    }
}
