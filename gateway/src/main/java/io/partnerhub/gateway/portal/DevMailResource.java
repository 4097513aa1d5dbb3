package io.partnerhub.gateway.portal;

import java.net.URI;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerhub.chassis.problem.ResourceNotFound;

/**
 * The local demo's inbox of the e-mail the suite sent (#23): {@code deploy/run} serves it and names it in
 * {@code PARTNERHUB_PORTAL_DEV_MAIL_URL}; this redirects there, so the portal's sign-in page can link to {@code /dev/mail}.
 * Without that setting (every real deployment) this answers 404.
 */
@Path("/dev/mail")
@PermitAll
@Tag(name = "Portal")
public class DevMailResource {

    private final Optional<String> inbox;

    public DevMailResource(@ConfigProperty(name = "partnerhub.portal.dev-mail-url") Optional<String> inbox) {
        this.inbox = inbox;
    }

    @GET
    @Operation(summary = "The demo mail inbox (local devstack only; 404 everywhere else)")
    @APIResponse(responseCode = "307", description = "To the devstack's inbox page")
    @APIResponse(responseCode = "404", description = "Not a local demo")
    public Response inbox() {
        URI target = inbox.filter(url -> url.startsWith("http://localhost:") || url.startsWith("http://127.0.0.1:"))
                .map(URI::create).orElseThrow(() -> new ResourceNotFound("mail", "dev"));
        return Response.temporaryRedirect(target).build();
    }
}
