package io.partnerhub.certification.certification;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.BeanParam;
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

import io.partnerhub.certification.certification.CertificationViews.AnnounceRetirement;
import io.partnerhub.certification.certification.CertificationViews.CertificationView;
import io.partnerhub.certification.certification.CertificationViews.DefineCertification;
import io.partnerhub.chassis.paging.PageRequest;
import io.partnerhub.certification.web.Examples;
import io.partnerhub.chassis.security.Roles;
import io.quarkus.security.Authenticated;

@Path("/certifications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Certifications", description = "C1 certification catalogue")
@SecurityRequirement(name = "jwt")
public class CertificationResource {

    private final CertificationService service;
    public CertificationResource(CertificationService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "Add a certification to the catalogue (ops)",
            description = "requiredExams are groups: every group must be met, any one exam within a group meets it. "
                    + "prerequisites name certifications already in the catalogue that must be held active.")
    @RequestBody(content = @Content(schema = @Schema(implementation = DefineCertification.class),
            examples = @ExampleObject(name = "architect expert", value = Examples.DEFINE_CERTIFICATION)))
    @APIResponse(responseCode = "201", description = "Created; Location names the certification",
            content = @Content(schema = @Schema(implementation = CertificationView.class),
                    examples = @ExampleObject(name = "certification", value = Examples.CERTIFICATION)))
    @APIResponse(responseCode = "400", description = "Invalid certification (no or an empty group, a malformed exam code, "
            + "an unknown prerequisite or successor, a cycle of prerequisites); nothing stored",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "invalid", value = Examples.INVALID)))
    @APIResponse(responseCode = "409", description = "A certification with this id exists",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "exists", value = Examples.CERTIFICATION_EXISTS)))
    public Response define(@NotNull @Valid DefineCertification body) {
        CertificationView certification = service.define(body);
        return Response.created(URI.create("/certifications/" + certification.id())).entity(certification).build();
    }

    @GET
    @Authenticated
    @Operation(summary = "List the catalogue, ordered by id (any authenticated role)",
            description = "Paged: page from 0 to " + Examples.MAX_PAGE + ", size 1-100 (larger sizes are capped). "
                    + "The total is in the X-Total-Count header.")
    @APIResponse(responseCode = "200", description = "A page of certifications",
            headers = @Header(name = "X-Total-Count", description = "number of certifications"),
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = CertificationView.class),
                    examples = @ExampleObject(name = "page", value = "[" + Examples.CERTIFICATION + "]")))
    public Response list(@Valid @BeanParam PageRequest paging) {
        return paging.respond(service.list(paging.page(), paging.size()), service.count());
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "One certification (any authenticated role)")
    @APIResponse(responseCode = "200", description = "The certification",
            content = @Content(schema = @Schema(implementation = CertificationView.class),
                    examples = @ExampleObject(name = "certification", value = Examples.CERTIFICATION)))
    public CertificationView get(@PathParam("id") String id) {
        return service.get(id);
    }

    @POST
    @Path("/{id}/retirement")
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "Announce (or move) a certification's retirement (ops)",
            description = "RETIRING until retiresOn (UTC date), RETIRED from it: a retired certification is no longer earned "
                    + "or renewed; its holdings stay active until they expire. Optionally names the successor.")
    @RequestBody(content = @Content(schema = @Schema(implementation = AnnounceRetirement.class),
            examples = @ExampleObject(name = "retirement", value = Examples.ANNOUNCE_RETIREMENT)))
    @APIResponse(responseCode = "200", description = "The certification with its retirement date",
            content = @Content(schema = @Schema(implementation = CertificationView.class),
                    examples = @ExampleObject(name = "retiring", value = Examples.RETIRING_CERTIFICATION)))
    @APIResponse(responseCode = "400", description = "retiresOn in the past or more than 100 years ahead, unknown successor",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "invalid", value = Examples.INVALID)))
    @APIResponse(responseCode = "409", description = "Already retired",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "retired", value = Examples.CERTIFICATION_RETIRED)))
    public CertificationView announceRetirement(@PathParam("id") String id, @NotNull @Valid AnnounceRetirement body) {
        return service.announceRetirement(id, body);
    }
}
