package io.partnerhub.gateway.openapi;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;

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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.partnerhub.gateway.config.GatewayConfig;
import io.partnerhub.gateway.domain.DownstreamService;
import io.partnerhub.gateway.domain.RouteTable;
import io.partnerhub.chassis.problem.Problems;
import io.partnerhub.gateway.problem.GatewayProblems;
import io.partnerhub.gateway.proxy.ApiProxy;
import io.partnerhub.gateway.proxy.DownstreamHttpClient;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;

/**
 * {@code /openapi/<service>}: a service's own OpenAPI document, with its {@code servers} set to {@code /api}
 * so that "Try it out" in the gateway's Swagger UI goes through the gateway (auth, routing, limits).
 */
@Path("/openapi/{service}")
@Tag(name = "OpenAPI console")
@PermitAll
public class ServiceOpenApiResource {

    private final DownstreamHttpClient downstream;
    private final GatewayConfig config;
    private final ObjectMapper json;
    private final GatewayProblems problems;

    public ServiceOpenApiResource(DownstreamHttpClient downstream, GatewayConfig config, ObjectMapper json,
            GatewayProblems problems) {
        this.downstream = downstream;
        this.config = config;
        this.json = json;
        this.problems = problems;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A service's OpenAPI document, served through the gateway",
            description = "The document of exam, certification, competency or membership with servers rewritten to /api.")
    @APIResponse(responseCode = "200", description = "The service's OpenAPI document",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "exam",
                    value = "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"PartnerHub exam-service\"},\"servers\":[{\"url\":\"/api\"}],\"paths\":{}}")))
    @APIResponse(responseCode = "404", description = "No such service", content = @Content(mediaType = Problems.MEDIA_TYPE,
            examples = @ExampleObject(name = "no such service", value = "{\"type\":\"https://partnerhub.io/problems/not-found\","
                    + "\"title\":\"Resource not found\",\"status\":404,\"detail\":\"No service named nothing.\",\"instance\":\"/openapi/nothing\"}")))
    @APIResponse(responseCode = "503", description = "The service is down", content = @Content(mediaType = Problems.MEDIA_TYPE))
    public CompletionStage<Response> document(
            @Parameter(description = "exam, certification, competency or membership", example = "exam") @PathParam("service") String key) {
        String path = "/openapi/" + key;
        DownstreamService service = DownstreamService.byKey(key).orElse(null);
        if (service == null) {
            return Future.succeededFuture(problems.response(GatewayProblems.notFound("No service named " + key + ".", path))).toCompletionStage();
        }
        return downstream.client(service)
                .request(downstream.options(HttpMethod.GET, service, "/q/openapi?format=json")
                        .putHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON))
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> {
                    if (response.statusCode() != 200) {
                        return problems.response(GatewayProblems.badGateway(service.applicationName(), path));
                    }
                    return Response.ok(throughGateway(body.getBytes()), MediaType.APPLICATION_JSON).build();
                }))
                .recover(err -> Future.succeededFuture(problems.response(ApiProxy.isUnreachable(err)
                        ? GatewayProblems.serviceUnavailable(service.applicationName(), path)
                        : err instanceof TimeoutException ? GatewayProblems.gatewayTimeout(service.applicationName(), path)
                                : GatewayProblems.badGateway(service.applicationName(), path))))
                .toCompletionStage();
    }

    private String throughGateway(byte[] document) {
        try {
            ObjectNode root = (ObjectNode) json.readTree(document);
            root.putArray("servers").addObject()
                    .put("url", RouteTable.PREFIX)
                    .put("description", "PartnerHub gateway");
            return json.writeValueAsString(root);
        } catch (Exception e) {
            throw new IllegalStateException("Not an OpenAPI JSON document", e);
        }
    }
}
