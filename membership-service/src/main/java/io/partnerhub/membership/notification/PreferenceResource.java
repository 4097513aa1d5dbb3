package io.partnerhub.membership.notification;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerhub.chassis.problem.Conflict;
import io.partnerhub.chassis.problem.DomainException;
import io.partnerhub.chassis.security.Caller;
import io.partnerhub.membership.domain.NotificationKind;
import io.partnerhub.membership.notification.NotificationViews.ChoosePreference;
import io.partnerhub.membership.notification.NotificationViews.PreferenceView;
import io.partnerhub.membership.user.UserAccount;
import io.partnerhub.membership.web.Examples;
import io.quarkus.logging.Log;
import io.quarkus.security.Authenticated;

/**
 * The caller's own notification preferences: the person is the token's (its candidate claim's associated account in
 * the token's organisation, else the account with the token's {@code email} claim there); nobody reads or changes
 * another person's.
 */
@Path("/notifications/preferences/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
@Authenticated
public class PreferenceResource {

    private final Recipients recipients;
    private final Preferences preferences;
    private final Caller caller;
    private final JsonWebToken token;
    private final Clock clock;

    public PreferenceResource(Recipients recipients, Preferences preferences, Caller caller, JsonWebToken token, Clock clock) {
        this.recipients = recipients;
        this.preferences = preferences;
        this.caller = caller;
        this.token = token;
        this.clock = clock;
    }

    @GET
    @Transactional
    @Operation(summary = "My notification preferences, one per kind of mail",
            description = "Every kind is on until turned off; security kinds (INVITATION, WEBHOOK_DISABLED) cannot be "
                    + "turned off. 404 when no user account of the token's organisation belongs to the token.")
    @APIResponse(responseCode = "200", description = "The preferences",
            content = @Content(schema = @Schema(implementation = PreferenceView[].class),
                    examples = @ExampleObject(name = "preferences", value = NotificationExamples.PREFERENCES)))
    @APIResponse(responseCode = "404", description = "No user account for this token",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "no account", value = NotificationExamples.NO_ACCOUNT)))
    public List<PreferenceView> list() {
        UserAccount me = me();
        Map<NotificationKind, Boolean> chosen = preferences.of(me.id);
        return Stream.of(NotificationKind.values())
                .map(k -> new PreferenceView(k, k.description(), k.sendsTo(chosen.get(k)), !k.security())).toList();
    }

    @PUT
    @Path("/{kind}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Turn one kind of mail on or off for me",
            description = "Setting the same choice again changes nothing. A security kind answers 409.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ChoosePreference.class),
            examples = @ExampleObject(name = "off", value = NotificationExamples.CHOOSE)))
    @APIResponse(responseCode = "200", description = "The preference now",
            content = @Content(schema = @Schema(implementation = PreferenceView.class),
                    examples = @ExampleObject(name = "off", value = NotificationExamples.PREFERENCE)))
    @APIResponse(responseCode = "409", description = "A security kind cannot be turned off",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "security", value = NotificationExamples.SECURITY_KIND)))
    public PreferenceView choose(@PathParam("kind") @Size(max = 40) String kindName, @Valid @NotNull ChoosePreference body) {
        NotificationKind kind = kind(kindName);
        UserAccount me = me();
        if (kind.security() && !body.enabled()) {
            throw new Conflict("notification-kind-required", "This kind cannot be turned off",
                    kind + " is a security notice: it is always sent");
        }
        if (!kind.security()) {
            preferences.choose(me.id, kind, body.enabled(), clock.instant());
            Log.infof("User %s turned %s %s", me.id, kind, body.enabled() ? "on" : "off");
        }
        return new PreferenceView(kind, kind.description(), kind.security() || body.enabled(), !kind.security());
    }

    static NotificationKind kind(String name) {
        return NotificationKind.parse(name).orElseThrow(() -> new DomainException(404, "not-found", "Resource not found",
                "No notification kind named " + (name == null ? "" : name.length() > 40 ? name.substring(0, 40) : name))
                .with("resource", "notification-kind"));
    }

    private UserAccount me() {
        Optional<String> email = Optional.ofNullable(token.<Object>getClaim("email")).map(Object::toString);
        return recipients.of(caller, email).orElseThrow(() -> new DomainException(404, "not-found", "Resource not found",
                "No user account of your organisation belongs to this token").with("resource", "user"));
    }
}
