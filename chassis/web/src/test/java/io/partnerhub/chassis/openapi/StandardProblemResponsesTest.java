package io.partnerhub.chassis.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

class StandardProblemResponsesTest {

    private final StandardProblemResponses filter = new StandardProblemResponses();

    @Test
    void addsUnauthorizedForbiddenNotFoundAndBadRequestToASecuredOperationWithAPathParameter() {
        Operation operation = operation(OASFactory.createSecurityRequirement().addScheme("jwt"), Parameter.In.PATH);

        filter.filterOpenAPI(document("/exams/{code}", operation));

        assertThat(operation.getResponses().getAPIResponses()).containsKeys("200", "400", "401", "403", "404");
        assertThat(operation.getResponses().getAPIResponse("401").getDescription()).isEqualTo("No or invalid token");
        assertThat(example(operation, "403", "role not allowed")).isEqualTo(ProblemExamples.FORBIDDEN);
        assertThat(example(operation, "404", "not found")).isEqualTo(ProblemExamples.NOT_FOUND);
        assertThat(example(operation, "400", "id too long")).isEqualTo(ProblemExamples.ID_TOO_LONG);
    }

    @Test
    void aPublicOperationWithOnlyQueryParametersGetsA400AndNothingElse() {
        Operation operation = operation(null, Parameter.In.QUERY);
        operation.setSecurity(List.of());

        filter.filterOpenAPI(document("/exams", operation));

        assertThat(operation.getResponses().getAPIResponses()).containsOnlyKeys("200", "400");
        assertThat(example(operation, "400", "page out of range")).isEqualTo(ProblemExamples.PAGE_INVALID);
    }

    @Test
    void theOperationsOwnResponseWinsButQuarkusPlaceholdersDoNot() {
        Operation operation = operation(OASFactory.createSecurityRequirement().addScheme("jwt"), Parameter.In.PATH);
        operation.getResponses().addAPIResponse("404", OASFactory.createAPIResponse().description("No such exam"));
        operation.getResponses().addAPIResponse("401", OASFactory.createAPIResponse().description("Not Authorized"));

        filter.filterOpenAPI(document("/exams/{code}", operation));

        assertThat(operation.getResponses().getAPIResponse("404").getDescription()).isEqualTo("No such exam");
        assertThat(operation.getResponses().getAPIResponse("401").getDescription()).isEqualTo("No or invalid token");
    }

    @Test
    void everyResponseHeaderGetsASchema() {
        Operation operation = operation(null, Parameter.In.QUERY);
        APIResponse ok = operation.getResponses().getAPIResponse("200")
                .addHeader("X-Total-Count", OASFactory.createHeader().description("number of exams"))
                .addHeader("Location", OASFactory.createHeader())
                .addHeader("Retry-After", OASFactory.createHeader())
                .addHeader("ETag", OASFactory.createHeader());

        filter.filterOpenAPI(document("/exams", operation));

        assertThat(ok.getHeaders().get("X-Total-Count").getSchema().getType()).containsExactly(Schema.SchemaType.INTEGER);
        assertThat(ok.getHeaders().get("Retry-After").getSchema().getType()).containsExactly(Schema.SchemaType.INTEGER);
        assertThat(ok.getHeaders().get("Location").getSchema().getFormat()).isEqualTo("uri");
        assertThat(ok.getHeaders().get("ETag").getSchema().getType()).containsExactly(Schema.SchemaType.STRING);
    }

    @Test
    void aTemplateParameterTheScannerLeftOutIsDeclaredOnceAndBringsTheNotFound() {
        Operation inherited = OASFactory.createOperation()
                .responses(OASFactory.createAPIResponses().addAPIResponse("201", OASFactory.createAPIResponse().description("Started")));
        Operation declared = operation(null, Parameter.In.PATH); // declares its path parameter "p"

        filter.filterOpenAPI(document("/assessments/{id}/attempts", inherited));
        filter.filterOpenAPI(document("/exams/{p}", declared));

        assertThat(inherited.getParameters()).singleElement().satisfies(p -> {
            assertThat(p.getName()).isEqualTo("id");
            assertThat(p.getIn()).isEqualTo(Parameter.In.PATH);
            assertThat(p.getRequired()).isTrue();
        });
        assertThat(inherited.getResponses().getAPIResponses()).containsKeys("201", "400", "404");
        assertThat(declared.getParameters()).hasSize(1);
    }

    private static Operation operation(org.eclipse.microprofile.openapi.models.security.SecurityRequirement security,
            Parameter.In in) {
        Operation operation = OASFactory.createOperation()
                .addParameter(OASFactory.createParameter().name("p").in(in))
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse().description("OK")));
        if (security != null) {
            operation.addSecurityRequirement(security);
        }
        return operation;
    }

    private static OpenAPI document(String path, Operation get) {
        return OASFactory.createOpenAPI().paths(OASFactory.createPaths().addPathItem(path, OASFactory.createPathItem().GET(get)));
    }

    private static Object example(Operation operation, String code, String name) {
        return operation.getResponses().getAPIResponse(code).getContent().getMediaType("application/problem+json")
                .getExamples().get(name).getValue();
    }
}
