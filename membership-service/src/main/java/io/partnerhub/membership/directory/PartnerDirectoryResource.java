package io.partnerhub.membership.directory;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerhub.chassis.openapi.ProblemExamples;
import io.partnerhub.chassis.paging.PageRequest;
import io.partnerhub.membership.directory.DirectoryViews.DirectoryEntry;
import io.partnerhub.membership.web.Examples;
import io.partnerhub.membership.web.Ids;

/**
 * Issue 27: the public partner directory, no token. Lists only organisations whose partner-admins chose to appear; any
 * other id answers 404, the same as an unknown one. The gateway gives it a budget of its own per client (scraping).
 */
@Path("/partner-directory")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partner directory", description = "Issue 27 the public partner directory")
public class PartnerDirectoryResource {

    private static final String CATALOGUE_ID = "[A-Za-z0-9._:-]{1,64}";
    private static final String CATALOGUE_ID_MESSAGE = "must be 1 to 64 of A-Z a-z 0-9 . _ : -";

    private final DirectoryService service;

    public PartnerDirectoryResource(DirectoryService service) {
        this.service = service;
    }

    @GET
    @PermitAll
    @Operation(summary = "Find partners (public, no token)",
            description = "Listed organisations by name (then id). q: a part of the name (any case) or the exact MPN id; "
                    + "country: ISO 3166-1 alpha-2; competency: attained at Silver or Gold and not past valid-until; "
                    + "designation: a solution area whose designation is held. Paged; the total in X-Total-Count.")
    @APIResponse(responseCode = "200", description = "A page of partners",
            content = @Content(schema = @Schema(implementation = DirectoryEntry[].class),
                    examples = @ExampleObject(name = "partners", value = "[" + DirectoryExamples.ENTRY + "]")))
    @APIResponse(responseCode = "400", description = "page or size out of range, q over 200 characters, a country not two "
            + "letters, a competency or designation id not 1–64 of A-Z a-z 0-9 . _ : -",
            content = @Content(mediaType = Examples.PROBLEM, examples = {
                    @ExampleObject(name = "page", value = ProblemExamples.PAGE_INVALID),
                    @ExampleObject(name = "filter", value = DirectoryExamples.INVALID_FILTER) }))
    @APIResponse(responseCode = "429", description = "The directory budget of this client is spent (at the gateway)",
            content = @Content(mediaType = Examples.PROBLEM))
    public Response list(
            @Parameter(description = "A part of the name or the exact MPN id") @QueryParam("q") @Size(max = 200) String q,
            @QueryParam("country") @Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166-1 alpha-2 code like DE") String country,
            @Parameter(description = "A competency id, e.g. cloud-platform")
            @QueryParam("competency") @Pattern(regexp = CATALOGUE_ID, message = CATALOGUE_ID_MESSAGE) String competency,
            @Parameter(description = "A solution area id, e.g. infrastructure")
            @QueryParam("designation") @Pattern(regexp = CATALOGUE_ID, message = CATALOGUE_ID_MESSAGE) String designation,
            @Valid @BeanParam PageRequest paging) {
        DirectoryService.Search search = new DirectoryService.Search(q, country, competency, designation);
        return paging.respond(service.search(search, paging.firstResult(), paging.size()), service.count(search));
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "One listed partner (public, no token)",
            description = "An organisation that is not listed answers 404, exactly like one that does not exist.")
    @APIResponse(responseCode = "200", description = "The partner",
            content = @Content(schema = @Schema(implementation = DirectoryEntry.class),
                    examples = @ExampleObject(name = "partner", value = DirectoryExamples.ENTRY)))
    @APIResponse(responseCode = "400", description = "id longer than 64 characters",
            content = @Content(mediaType = Examples.PROBLEM))
    @APIResponse(responseCode = "404", description = "Not listed, or no such organisation",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "not-listed", value = DirectoryExamples.NOT_LISTED)))
    public DirectoryEntry get(@PathParam("id") @Size(max = Ids.MAX) String id) {
        return service.entry(Ids.parse("partner", id));
    }
}
