package io.partnerhub.systemtests;

import io.partnerhub.devstack.DevStack;
import io.partnerhub.devstack.ServiceSpec;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * The whole suite, started once for all system test classes of this JVM through the devstack launcher API
 * (fresh data under target/devstack, the contract's ports), and stopped after the last test class by JUnit
 * (the root store closes it) — or, should the JVM die, by the devstack's reaper.
 */
public final class RunningSuite implements BeforeAllCallback, AutoCloseable {

    private static DevStack stack;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(RunningSuite.class, key -> start(), RunningSuite.class);
    }

    private static synchronized RunningSuite start() {
        Path home = Path.of(System.getProperty("partnerhub.systemtests.home", "target/devstack")).toAbsolutePath();
        stack = DevStack.builder()
                .home(home)
                .fresh(true)
                .requireAllServices(true)
                .brokers(Integer.getInteger("partnerhub.systemtests.brokers", 1)) // -Pfaults: 3 (issue #26)
                .readyTimeout(Duration.ofSeconds(180))
                .build();
        stack.startInfrastructure().startServices();
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        return new RunningSuite();
    }

    @Override
    public void close() {
        stop();
    }

    static synchronized void stop() {
        if (stack != null) {
            stack.close();
            stack = null;
        }
    }

    static DevStack stack() {
        if (stack == null) {
            throw new IllegalStateException("The suite is not running: use @ExtendWith(RunningSuite.class)");
        }
        return stack;
    }

    static ServiceSpec service(String name) {
        return stack().service(name).orElseThrow();
    }

    /** A request to one service, authenticated as {@code role} with extra claims. */
    static RequestSpecification as(String serviceName, String role, Map<String, String> claims) {
        return given().baseUri(service(serviceName).baseUrl())
                .auth().oauth2(stack().token(role, claims))
                .contentType("application/json")
                .accept("application/json");
    }

    static RequestSpecification asOps(String serviceName) {
        return as(serviceName, "ops", Map.of());
    }

    /** A request through the gateway ({@code /api/...}), authenticated as {@code role} with extra claims. */
    static RequestSpecification api(String role, Map<String, String> claims) {
        return given().baseUri(service("gateway").baseUrl()).basePath("/api")
                .auth().oauth2(stack().token(role, claims))
                .contentType("application/json")
                .accept("application/json");
    }

    /** An exam-provider of Pearson VUE, through the gateway. */
    static RequestSpecification asPearsonVue() {
        return api("exam-provider", Map.of("provider", "PEARSON_VUE"));
    }

    /**
     * POSTs a requirement version (through {@code request}, e.g. {@code api("ops", Map.of())}) and expects 201. A
     * certification or assessment created a moment ago reaches competency-service as an event, so while the answer is
     * 400 {@code unknown-credential} this asks again, every 100 ms for up to 20 s.
     */
    static void defineRequirementVersion(java.util.function.Supplier<io.restassured.specification.RequestSpecification> request,
            String competency, Map<String, Object> body) {
        java.util.concurrent.atomic.AtomicReference<io.restassured.response.Response> last =
                new java.util.concurrent.atomic.AtomicReference<>();
        try {
            org.awaitility.Awaitility.await("the credentials of " + competency + " known").atMost(Duration.ofSeconds(20))
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100)).until(() -> {
                        io.restassured.response.Response response = request.get().body(body)
                                .post("/competencies/{id}/requirement-versions", competency);
                        last.set(response);
                        return response.statusCode() != 400 || !response.asString().contains("/unknown-credential");
                    });
        } catch (org.awaitility.core.ConditionTimeoutException stillUnknown) {
            // the last answer is asserted below
        }
        last.get().then().statusCode(201);
    }

    /** An exam (Pearson VUE, test centre) and a certification that requires only it, created as ops (or already there). */
    static void certificationOfOneExam(String exam, String certification, String level) {
        api("ops", Map.of())
                .body(Map.of("code", exam, "title", "Exam " + exam, "deliveryModes", java.util.List.of("TEST_CENTER"),
                        "providers", java.util.List.of("PEARSON_VUE"), "skillsMeasured",
                        java.util.List.of(Map.of("area", "Everything", "weightMin", 100, "weightMax", 100))))
                .post("/exams").then().statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(201),
                        org.hamcrest.Matchers.is(409)));
        api("ops", Map.of())
                .body(Map.of("id", certification, "name", "Certification " + certification, "level", level,
                        "requiredExams", java.util.List.of(java.util.List.of(exam)), "prerequisites", java.util.List.of()))
                .post("/certifications").then().statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(201),
                        org.hamcrest.Matchers.is(409)));
    }

    /** Books {@code candidate} on {@code exam} at a Pearson VUE test centre; returns the registration id. */
    static String bookAtTestCenter(String candidate, String exam, java.time.Instant at) {
        return asPearsonVue()
                .body(Map.of("candidateId", candidate, "examCode", exam, "provider", "PEARSON_VUE",
                        "deliveryMode", "TEST_CENTER", "scheduledAt", at.toString()))
                .post("/exam-registrations").then().statusCode(201).extract().path("id");
    }

    /** Moves the adjustable clock of the services whose rules the journeys walk through (PT0S resets it). */
    static void moveClocks(String offset) {
        for (String service : java.util.List.of("exam-service", "certification-service")) {
            asOps(service).body(Map.of("offset", offset)).when().put("/admin/clock");
        }
    }
}
