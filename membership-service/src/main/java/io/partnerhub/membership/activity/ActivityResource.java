package io.partnerhub.membership.activity;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;

import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerhub.chassis.paging.PageRequest;
import io.partnerhub.chassis.problem.InvalidRequest;
import io.partnerhub.chassis.problem.ResourceNotFound;
import io.partnerhub.chassis.security.Caller;
import io.partnerhub.membership.domain.ActivityKind;
import io.partnerhub.membership.organization.OrganizationRepository;
import io.partnerhub.membership.web.Examples;
import io.partnerhub.membership.web.Ids;
import io.partnerhub.membership.web.OrganizationAccess;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.security.Authenticated;

@Path("/organizations/{id}/activity")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Activity", description = "What changed in an organisation, who changed it and when")
@SecurityRequirement(name = "jwt")
public class ActivityResource {

    /** Who acted: the token subject and the role it acted as ({@code system} for changes applied from events). */
    public record ActorView(String subject, String role) {
    }

    public record ActivityView(UUID id, ActivityKind kind, Instant at, ActorView actor, String summary,
            Map<String, Object> details) {

        static ActivityView of(ActivityEntry e) {
            return new ActivityView(e.id, e.kind, e.at, new ActorView(e.actorSubject, e.actorRole), e.summary, e.details);
        }
    }

    private final ActivityEntryRepository entries;
    private final OrganizationRepository organizations;
    private final Caller caller;

    public ActivityResource(ActivityEntryRepository entries, OrganizationRepository organizations, Caller caller) {
        this.entries = entries;
        this.organizations = organizations;
        this.caller = caller;
    }

    @GET
    @Authenticated
    @Transactional
    @Operation(summary = "The organisation's activity log, newest first (ops, the organisation's partner-admin)",
            description = "Every change to users, invitations, associations, performance figures and memberships, written "
                    + "in the transaction of the change. Filter by kind and by an instant range (from/to, ISO-8601 "
                    + "instants, both included). The organisation a person left sees PERSON_LEFT with the reason only, "
                    + "never who took them. Anyone else (employees included) gets 404.")
    @APIResponse(responseCode = "200", description = "A page of entries; the total in X-Total-Count",
            content = @Content(schema = @Schema(implementation = ActivityView[].class),
                    examples = @ExampleObject(name = "entries", value = Examples.ACTIVITY)))
    @APIResponse(responseCode = "400", description = "Unknown kind, from/to not an instant, from after to, paging out of range",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "kind", value = Examples.ACTIVITY_BAD_KIND)))
    @APIResponse(responseCode = "404", description = "No such organisation, or not yours to read",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "not found", value = Examples.NOT_FOUND)))
    public Response list(@PathParam("id") @Size(max = Ids.MAX) String id,
            @QueryParam("kind") @Size(max = 64) @Parameter(description = "One kind, e.g. PERSON_JOINED") String kind,
            @QueryParam("from") @Size(max = 64) @Parameter(description = "Entries at or after this instant", example = "2026-12-01T00:00:00Z") String from,
            @QueryParam("to") @Size(max = 64) @Parameter(description = "Entries at or before this instant", example = "2026-12-31T23:59:59Z") String to,
            @Valid @BeanParam PageRequest paging) {
        UUID organizationId = OrganizationAccess.requireAdministrator(caller, id);
        ActivityKind kindFilter;
        try {
            kindFilter = kind == null || kind.isBlank() ? null : ActivityKind.parse(kind);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(e.getMessage());
        }
        Instant fromInstant = instant("from", from);
        Instant toInstant = instant("to", to);
        if (fromInstant != null && toInstant != null && fromInstant.isAfter(toInstant)) {
            throw new InvalidRequest("from " + fromInstant + " is after to " + toInstant);
        }
        if (organizations.findByIdOptional(organizationId).isEmpty()) {
            throw new ResourceNotFound("organization", organizationId.toString());
        }
        PanacheQuery<ActivityEntry> query = entries.search(organizationId, kindFilter, fromInstant, toInstant);
        return paging.respond(query.range(paging.firstResult(), paging.firstResult() + paging.size() - 1).list().stream()
                .map(ActivityView::of).toList(), query.count());
    }

    private static Instant instant(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidRequest(name + ": must be an ISO-8601 instant like 2026-12-01T00:00:00Z");
        }
    }
}
