package io.partnerhub.membership.notification;

import java.time.Clock;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerhub.chassis.problem.DomainException;
import io.partnerhub.membership.domain.NotificationKind;
import io.partnerhub.membership.notification.NotificationViews.Unsubscribed;
import io.partnerhub.membership.user.UserRepository;
import io.partnerhub.membership.web.Examples;
import io.partnerhub.membership.web.Ids;
import io.quarkus.logging.Log;

/**
 * The one-click unsubscribe of every mail (RFC 8058), without a token: the link's HMAC signature of (person, kind)
 * is the authority, so it cannot be made for another person or kind. {@code POST} turns the kind off (what a mail
 * client's one-click sends, body {@code List-Unsubscribe=One-Click}); {@code GET} only shows a page with the button,
 * so that a link scanner that follows links changes nothing.
 */
@Path(UnsubscribeLinks.PATH)
@Tag(name = "Notifications")
@PermitAll
public class UnsubscribeResource {

    private final UnsubscribeLinks links;
    private final Preferences preferences;
    private final UserRepository users;
    private final Clock clock;

    public UnsubscribeResource(UnsubscribeLinks links, Preferences preferences, UserRepository users, Clock clock) {
        this.links = links;
        this.preferences = preferences;
        this.users = users;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The unsubscribe page of a mail's link (no token; changes nothing)",
            description = "A page with one button that POSTs the same link. 403 when the signature does not match.")
    @APIResponse(responseCode = "200", description = "The page", content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "403", description = "Forged or altered link",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "forged", value = NotificationExamples.FORGED)))
    public String page(@QueryParam("person") @Size(max = Ids.MAX) String person,
            @QueryParam("kind") @Size(max = 40) String kind, @QueryParam("signature") @Size(max = 100) String signature) {
        NotificationKind verified = verify(person, kind, signature);
        String action = UnsubscribeLinks.PATH.substring(UnsubscribeLinks.PATH.lastIndexOf('/') + 1) + "?person="
                + UUID.fromString(person) + "&kind=" + verified.name() + "&signature=" + signature;
        return """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Unsubscribe</title></head>
                <body style="font-family:sans-serif"><main><h1>Stop these e-mails?</h1>
                <p>You will no longer get e-mails of this kind: %s. You can turn them on again in the partner portal's
                notification preferences.</p>
                <form method="post" action="%s"><input type="hidden" name="List-Unsubscribe" value="One-Click">
                <button type="submit">Unsubscribe</button></form></main></body></html>"""
                .formatted(verified.description(), action);
    }

    @POST
    @Transactional
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One-click unsubscribe (RFC 8058; no token)",
            description = "Turns this kind of mail off for the person of the link. Sending it again changes nothing. "
                    + "403 when the signature does not match the person and kind; 400 for a security kind.")
    @APIResponse(responseCode = "200", description = "Turned off",
            content = @Content(schema = @Schema(implementation = Unsubscribed.class),
                    examples = @ExampleObject(name = "off", value = NotificationExamples.UNSUBSCRIBED)))
    @APIResponse(responseCode = "403", description = "Forged or altered link",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "forged", value = NotificationExamples.FORGED)))
    public Unsubscribed unsubscribe(@QueryParam("person") @Size(max = Ids.MAX) String person,
            @QueryParam("kind") @Size(max = 40) String kind, @QueryParam("signature") @Size(max = 100) String signature) {
        NotificationKind verified = verify(person, kind, signature);
        UUID userId = UUID.fromString(person);
        if (users.findById(userId) == null) {
            throw new DomainException(404, "not-found", "Resource not found", "No such person").with("resource", "user");
        }
        preferences.choose(userId, verified, false, clock.instant());
        Log.infof("User %s unsubscribed from %s by link", userId, verified);
        return new Unsubscribed(userId, verified, false);
    }

    private NotificationKind verify(String person, String kind, String signature) {
        UUID userId;
        try {
            userId = UUID.fromString(person == null ? "" : person);
        } catch (IllegalArgumentException e) {
            throw invalid("The link names no person");
        }
        NotificationKind parsed = NotificationKind.parse(kind).orElseThrow(() -> invalid("unknown kind"));
        if (!links.verifies(userId, parsed, signature)) {
            throw invalid("The link's signature does not match this person and kind");
        }
        if (parsed.security()) {
            throw new DomainException(400, "notification-kind-required", "This kind cannot be turned off",
                    parsed + " is a security notice: it is always sent");
        }
        return parsed;
    }

    private static DomainException invalid(String detail) {
        return new DomainException(403, "unsubscribe-link-invalid", "Unsubscribe link not valid", detail);
    }
}
