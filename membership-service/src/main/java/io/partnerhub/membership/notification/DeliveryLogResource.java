package io.partnerhub.membership.notification;

import java.util.Locale;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerhub.chassis.paging.PageRequest;
import io.partnerhub.chassis.problem.InvalidRequest;
import io.partnerhub.chassis.problem.ResourceNotFound;
import io.partnerhub.chassis.security.Caller;
import io.partnerhub.membership.notification.NotificationMail.Status;
import io.partnerhub.membership.notification.NotificationViews.DeliveryView;
import io.partnerhub.membership.organization.OrganizationRepository;
import io.partnerhub.membership.web.Examples;
import io.partnerhub.membership.web.Ids;
import io.partnerhub.membership.web.OrganizationAccess;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.security.Authenticated;

/** The organisation's mail delivery log, newest first: its partner-admins and ops; anyone else 404. */
@Path("/organizations/{id}/notification-deliveries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
public class DeliveryLogResource {

    private final NotificationMailRepository mails;
    private final OrganizationRepository organizations;
    private final Caller caller;

    public DeliveryLogResource(NotificationMailRepository mails, OrganizationRepository organizations, Caller caller) {
        this.mails = mails;
        this.organizations = organizations;
        this.caller = caller;
    }

    @GET
    @Authenticated
    @Transactional
    @Operation(summary = "The organisation's mail delivery log (ops, the organisation's partner-admin)",
            description = "Every mail sent to its people: PENDING (queued), RETRYING (SMTP did not take it; next try at "
                    + "nextAttemptAt), SENT, FAILED (tried partnerhub.notification.max-attempts times). Filter by status.")
    @APIResponse(responseCode = "200", description = "A page of mails; the total in X-Total-Count",
            content = @Content(schema = @Schema(implementation = DeliveryView[].class),
                    examples = @ExampleObject(name = "deliveries", value = NotificationExamples.DELIVERIES)))
    @APIResponse(responseCode = "404", description = "No such organisation, or not yours to read",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "not found", value = Examples.NOT_FOUND)))
    public Response list(@PathParam("id") @Size(max = Ids.MAX) String id,
            @QueryParam("status") @Size(max = 16) @Parameter(description = "PENDING, RETRYING, SENT or FAILED") String status,
            @Valid @BeanParam PageRequest paging) {
        UUID organizationId = OrganizationAccess.requireAdministrator(caller, id);
        Status filter = status(status);
        if (organizations.findByIdOptional(organizationId).isEmpty()) {
            throw new ResourceNotFound("organization", organizationId.toString());
        }
        PanacheQuery<NotificationMail> query = mails.ofOrganization(organizationId, filter);
        return paging.respond(query.range(paging.firstResult(), paging.firstResult() + paging.size() - 1).list().stream()
                .map(DeliveryView::of).toList(), query.count());
    }

    private static Status status(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Status.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest("status must be PENDING, RETRYING, SENT or FAILED");
        }
    }
}
