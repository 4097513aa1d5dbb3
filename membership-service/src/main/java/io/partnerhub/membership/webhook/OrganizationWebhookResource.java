package io.partnerhub.membership.webhook;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerhub.chassis.paging.PageRequest;
import io.partnerhub.chassis.problem.ResourceNotFound;
import io.partnerhub.chassis.security.Caller;
import io.partnerhub.chassis.security.Roles;
import io.partnerhub.membership.organization.OrganizationRepository;
import io.partnerhub.membership.web.Examples;
import io.partnerhub.membership.web.Ids;
import io.partnerhub.membership.web.OrganizationAccess;
import io.partnerhub.membership.webhook.WebhookViews.DeliveryView;
import io.partnerhub.membership.webhook.WebhookViews.RotateSecret;
import io.partnerhub.membership.webhook.WebhookViews.RotatedSecret;
import io.partnerhub.membership.webhook.WebhookViews.WebhookRequest;
import io.partnerhub.membership.webhook.WebhookViews.WebhookView;

/** An organisation's webhook endpoints: its partner-admins, and ops on its behalf; anyone else 404. */
@Path("/organizations/{organizationId}/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks", description = "Signed webhooks (Standard Webhooks) of an organisation's events: competency and "
        + "designation changes, people joining and leaving, performance figures. Body: the CloudEvent (structured "
        + "mode, application/cloudevents+json); headers webhook-id (the same on every retry and redelivery), "
        + "webhook-timestamp, webhook-signature (v1,<base64 HMAC-SHA256 of id.timestamp.body>, two during a "
        + "rotation's overlap)")
@SecurityRequirement(name = "jwt")
@RolesAllowed({ Roles.OPS, Roles.PARTNER_ADMIN })
public class OrganizationWebhookResource {

    private final WebhookService webhooks;
    private final OrganizationRepository organizations;
    private final Caller caller;

    public OrganizationWebhookResource(WebhookService webhooks, OrganizationRepository organizations, Caller caller) {
        this.webhooks = webhooks;
        this.organizations = organizations;
        this.caller = caller;
    }

    private UUID owner(String organizationId) {
        UUID id = OrganizationAccess.requireAdministrator(caller, organizationId);
        if (organizations.findByIdOptional(id).isEmpty()) {
            throw new ResourceNotFound("organization", id.toString());
        }
        return id;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a webhook endpoint",
            description = "The URL must be https and resolve only to public addresses (checked now and at every "
                    + "delivery). eventTypes filter the organisation-level types; empty = all. The answer holds the "
                    + "signing secret (whsec_…), shown this once.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "register", value = WebhookExamples.REGISTER)))
    @APIResponse(responseCode = "201", description = "Registered, with its secret; Location names it",
            content = @Content(schema = @Schema(implementation = WebhookView.class),
                    examples = @ExampleObject(name = "created", value = WebhookExamples.CREATED)))
    @APIResponse(responseCode = "400", description = "Not https, does not resolve, a private/loopback/link-local address, an unknown event type",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "refused", value = WebhookExamples.URL_REFUSED)))
    @APIResponse(responseCode = "409", description = "Already 25 endpoints")
    public Response register(@PathParam("organizationId") @Size(max = Ids.MAX) String organizationId,
            @Valid @NotNull WebhookRequest request) {
        WebhookView view = webhooks.register(owner(organizationId), request);
        return Response.created(URI.create("/organizations/" + organizationId + "/webhooks/" + view.id())).entity(view).build();
    }

    @GET
    @Operation(summary = "The organisation's webhook endpoints, oldest first (never their secrets)")
    @APIResponse(responseCode = "200", description = "A page; the total in X-Total-Count",
            content = @Content(schema = @Schema(implementation = WebhookView[].class),
                    examples = @ExampleObject(name = "webhooks", value = "[" + WebhookExamples.WEBHOOK + "]")))
    public Response list(@PathParam("organizationId") @Size(max = Ids.MAX) String organizationId,
            @Valid @BeanParam PageRequest paging) {
        WebhookService.Page<WebhookView> page = webhooks.list(owner(organizationId), paging);
        return paging.respond(page.items(), page.total());
    }

    @GET
    @Path("/{webhookId}")
    @Operation(summary = "One webhook endpoint")
    @APIResponse(responseCode = "200", description = "The endpoint",
            content = @Content(schema = @Schema(implementation = WebhookView.class),
                    examples = @ExampleObject(name = "webhook", value = WebhookExamples.WEBHOOK)))
    @APIResponse(responseCode = "404", description = "No such webhook of this organisation",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "not found", value = WebhookExamples.NOT_FOUND)))
    public WebhookView get(@PathParam("organizationId") @Size(max = Ids.MAX) String organizationId,
            @PathParam("webhookId") @Size(max = Ids.MAX) String webhookId) {
        return webhooks.get(owner(organizationId), webhookId);
    }

    @PUT
    @Path("/{webhookId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace an endpoint's URL, event types and description; enabled true re-enables a disabled one",
            description = "Re-enabling gives the deliveries still waiting a fresh retry period from now.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "update", value = WebhookExamples.UPDATE)))
    @APIResponse(responseCode = "200", description = "The endpoint as changed",
            content = @Content(schema = @Schema(implementation = WebhookView.class),
                    examples = @ExampleObject(name = "webhook", value = WebhookExamples.WEBHOOK)))
    @APIResponse(responseCode = "400", description = "The URL refused, an unknown event type",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "refused", value = WebhookExamples.URL_REFUSED)))
    public WebhookView update(@PathParam("organizationId") @Size(max = Ids.MAX) String organizationId,
            @PathParam("webhookId") @Size(max = Ids.MAX) String webhookId, @Valid @NotNull WebhookRequest request) {
        return webhooks.update(owner(organizationId), webhookId, request);
    }

    @DELETE
    @Path("/{webhookId}")
    @Operation(summary = "Remove an endpoint and its delivery log")
    @APIResponse(responseCode = "204", description = "Removed")
    public void delete(@PathParam("organizationId") @Size(max = Ids.MAX) String organizationId,
            @PathParam("webhookId") @Size(max = Ids.MAX) String webhookId) {
        webhooks.delete(owner(organizationId), webhookId);
    }

    @POST
    @Path("/{webhookId}/secret-rotations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rotate the signing secret",
            description = "The new secret is shown this once. During the overlap (default PT24H, PT0S = none, at most "
                    + "P7D) every delivery carries two signatures, the new secret's first, so receivers can switch.")
    @RequestBody(required = false, content = @Content(examples = @ExampleObject(name = "rotate", value = WebhookExamples.ROTATE)))
    @APIResponse(responseCode = "200", description = "The new secret",
            content = @Content(schema = @Schema(implementation = RotatedSecret.class),
                    examples = @ExampleObject(name = "rotated", value = WebhookExamples.ROTATED)))
    @APIResponse(responseCode = "400", description = "overlap not an ISO-8601 duration from PT0S to P7D")
    public RotatedSecret rotate(@PathParam("organizationId") @Size(max = Ids.MAX) String organizationId,
            @PathParam("webhookId") @Size(max = Ids.MAX) String webhookId, @Valid RotateSecret request) {
        return webhooks.rotate(owner(organizationId), webhookId, request == null ? null : request.overlap());
    }

    @POST
    @Path("/{webhookId}/test-deliveries")
    @Operation(summary = "Send a test event (io.partnerhub.webhook.test.v1) to the endpoint",
            description = "Queued at once and sent like any delivery (signed, retried); follow it in the delivery log.")
    @APIResponse(responseCode = "202", description = "Queued",
            content = @Content(schema = @Schema(implementation = DeliveryView.class),
                    examples = @ExampleObject(name = "queued", value = WebhookExamples.DELIVERY)))
    @APIResponse(responseCode = "409", description = "The endpoint is disabled",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "disabled", value = WebhookExamples.DISABLED)))
    public Response testSend(@PathParam("organizationId") @Size(max = Ids.MAX) String organizationId,
            @PathParam("webhookId") @Size(max = Ids.MAX) String webhookId) {
        return Response.accepted(webhooks.testSend(owner(organizationId), webhookId)).build();
    }

    @GET
    @Path("/{webhookId}/deliveries")
    @Operation(summary = "The endpoint's delivery log, newest first",
            description = "Each message with its webhook-id, attempts, the last HTTP status or error, and when it is "
                    + "tried next (PENDING) or finished (DELIVERED, FAILED).")
    @APIResponse(responseCode = "200", description = "A page; the total in X-Total-Count",
            content = @Content(schema = @Schema(implementation = DeliveryView[].class),
                    examples = @ExampleObject(name = "deliveries", value = WebhookExamples.DELIVERIES)))
    @APIResponse(responseCode = "400", description = "Unknown status, paging out of range")
    public Response deliveries(@PathParam("organizationId") @Size(max = Ids.MAX) String organizationId,
            @PathParam("webhookId") @Size(max = Ids.MAX) String webhookId,
            @QueryParam("status") @Size(max = 16) @Parameter(description = "PENDING, DELIVERED or FAILED") String status,
            @Valid @BeanParam PageRequest paging) {
        WebhookService.Page<DeliveryView> page = webhooks.deliveries(owner(organizationId), webhookId, status, paging);
        return paging.respond(page.items(), page.total());
    }

    @POST
    @Path("/{webhookId}/deliveries/{deliveryId}/redelivery")
    @Operation(summary = "Send a finished delivery again",
            description = "A new line in the log with the same webhook-id and body (receivers that de-duplicate by "
                    + "webhook-id see it as the same message).")
    @APIResponse(responseCode = "202", description = "Queued",
            content = @Content(schema = @Schema(implementation = DeliveryView.class),
                    examples = @ExampleObject(name = "queued", value = WebhookExamples.DELIVERY)))
    @APIResponse(responseCode = "409", description = "Still pending, or the endpoint is disabled",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "disabled", value = WebhookExamples.DISABLED)))
    public Response redeliver(@PathParam("organizationId") @Size(max = Ids.MAX) String organizationId,
            @PathParam("webhookId") @Size(max = Ids.MAX) String webhookId,
            @PathParam("deliveryId") @Size(max = 20) String deliveryId) {
        return Response.accepted(webhooks.redeliver(owner(organizationId), webhookId, deliveryId)).build();
    }
}
