package io.partnerhub.chassis.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import io.partnerhub.chassis.problem.Problems;
import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * The problem responses every operation of every PartnerHub document shares, added where an operation does not
 * declare them itself (its own response for a code always wins):
 * <ul>
 * <li>401 and 403 on an operation with a security requirement;</li>
 * <li>404 (with a not-found example) on an operation with a path parameter;</li>
 * <li>400 (with an example per kind of parameter) on an operation with a path or query parameter.</li>
 * </ul>
 * It also gives every response header a schema (OpenAPI 3.1 requires one), and declares a path template's parameter
 * where the scanner left it out (a resource method inherited by subclasses that each give a {@code @Path} with
 * {@code {id}}: smallrye does not carry the inherited {@code @PathParam} over). Quarkus finds the filter by its annotation
 * in the chassis' index, so every service and the gateway get it without configuration.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class StandardProblemResponses implements OASFilter {

    static final String UNAUTHORIZED = "No or invalid token";
    static final String FORBIDDEN = "The caller's role may not call this";
    static final String NOT_FOUND = "No such resource, or not the caller's";

    /** What Quarkus adds on its own (auto-add-security-requirement, auto-add-bad-request-response): ours say more. */
    private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("\\{([^}/]+)}");

    private static final Set<String> QUARKUS_PLACEHOLDERS = Set.of("Not Authorized", "Not Allowed", "Bad Request");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> entry : openAPI.getPaths().getPathItems().entrySet()) {
            PathItem item = entry.getValue();
            for (Operation operation : item.getOperations().values()) {
                declareTemplateParameters(entry.getKey(), item, operation);
                complete(operation, parameters(item, operation), secured(openAPI, operation));
            }
        }
    }

    /** Every {@code {name}} of the path template is a required path parameter of each operation under it. */
    static void declareTemplateParameters(String template, PathItem item, Operation operation) {
        Matcher names = TEMPLATE_PARAMETER.matcher(template);
        while (names.find()) {
            String name = names.group(1);
            boolean declared = parameters(item, operation).stream()
                    .anyMatch(p -> p.getIn() == Parameter.In.PATH && name.equals(p.getName()));
            if (!declared) {
                operation.addParameter(OASFactory.createParameter().name(name).in(Parameter.In.PATH).required(true)
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
            }
        }
    }

    private static void complete(Operation operation, List<Parameter> parameters, boolean secured) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        boolean path = parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH);
        boolean query = parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY);
        if (path || query) {
            Map<String, String> examples = new LinkedHashMap<>();
            List<String> causes = new ArrayList<>();
            if (path) {
                examples.put("id too long", ProblemExamples.ID_TOO_LONG);
                causes.add("an over-long id");
            }
            if (query) {
                examples.put("page out of range", ProblemExamples.PAGE_INVALID);
                causes.add("paging or a filter out of range");
            }
            examples.put("invalid character", ProblemExamples.INVALID_CHARACTER);
            causes.add("a control character in a parameter");
            addIfAbsent(responses, "400", problem("Invalid parameter: " + String.join(", ", causes), examples));
        }
        if (secured) {
            addIfAbsent(responses, "401", problem(UNAUTHORIZED, Map.of("no token", ProblemExamples.UNAUTHORIZED)));
            addIfAbsent(responses, "403", problem(FORBIDDEN, Map.of("role not allowed", ProblemExamples.FORBIDDEN)));
        }
        if (path) {
            addIfAbsent(responses, "404", problem(NOT_FOUND, Map.of("not found", ProblemExamples.NOT_FOUND)));
        }
        for (APIResponse response : responses.getAPIResponses().values()) {
            schemaOnEveryHeader(response);
        }
    }

    private static List<Parameter> parameters(PathItem item, Operation operation) {
        List<Parameter> all = new ArrayList<>();
        if (item.getParameters() != null) {
            all.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            all.addAll(operation.getParameters());
        }
        return all;
    }

    /** The operation's own requirement, or the document's when the operation names none; an empty list is public. */
    private static boolean secured(OpenAPI openAPI, Operation operation) {
        List<SecurityRequirement> security = operation.getSecurity() != null ? operation.getSecurity() : openAPI.getSecurity();
        return security != null && security.stream().anyMatch(requirement -> !requirement.getSchemes().isEmpty());
    }

    private static void addIfAbsent(APIResponses responses, String code, APIResponse standard) {
        APIResponse own = responses.getAPIResponse(code);
        if (own == null || (QUARKUS_PLACEHOLDERS.contains(own.getDescription()) && own.getContent() == null)) {
            responses.addAPIResponse(code, standard);
        }
    }

    private static APIResponse problem(String description, Map<String, String> examples) {
        MediaType media = OASFactory.createMediaType();
        examples.forEach((name, value) -> media.addExample(name, OASFactory.createExample().value(value)));
        return OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problems.MEDIA_TYPE, media));
    }

    /** X-Total-Count and Retry-After are integers, Location a URI, any other header a string. */
    static void schemaOnEveryHeader(APIResponse response) {
        if (response.getHeaders() == null) {
            return;
        }
        response.getHeaders().forEach((name, header) -> {
            if (header.getSchema() == null && header.getRef() == null && header.getContent() == null) {
                header.setSchema(schemaOf(name));
            }
        });
    }

    private static Schema schemaOf(String header) {
        return switch (header.toLowerCase(Locale.ROOT)) {
            case "x-total-count", "retry-after" -> OASFactory.createSchema().addType(Schema.SchemaType.INTEGER);
            case "location" -> OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri");
            default -> OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        };
    }
}
