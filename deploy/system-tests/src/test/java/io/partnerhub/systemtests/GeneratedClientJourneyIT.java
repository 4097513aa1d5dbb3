package io.partnerhub.systemtests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerhub.clients.certification.api.CertificationHoldingsApi;
import io.partnerhub.clients.certification.api.CertificationsApi;
import io.partnerhub.clients.certification.model.CertificationLevel;
import io.partnerhub.clients.certification.model.DefineCertification;
import io.partnerhub.clients.certification.model.HoldingStatus;
import io.partnerhub.clients.certification.model.HoldingView;
import io.partnerhub.clients.competency.api.CompetenciesApi;
import io.partnerhub.clients.competency.api.CompetencyStatusApi;
import io.partnerhub.clients.competency.model.CompetencyStatus;
import io.partnerhub.clients.competency.model.DefineCompetency;
import io.partnerhub.clients.competency.model.DefineRequirementVersion;
import io.partnerhub.clients.competency.model.Kind;
import io.partnerhub.clients.competency.model.Level;
import io.partnerhub.clients.competency.model.LevelRequirements;
import io.partnerhub.clients.competency.model.Requirement;
import io.partnerhub.clients.competency.model.RequirementPath;
import io.partnerhub.clients.exam.api.ExamsApi;
import io.partnerhub.clients.exam.api.RegistrationsApi;
import io.partnerhub.clients.exam.api.ResultsApi;
import io.partnerhub.clients.exam.model.CreateExam;
import io.partnerhub.clients.exam.model.DeliveryMode;
import io.partnerhub.clients.exam.model.ExamProvider;
import io.partnerhub.clients.exam.model.PostResult;
import io.partnerhub.clients.exam.model.RegisterForExam;
import io.partnerhub.clients.exam.model.SkillAreaBody;
import io.partnerhub.clients.membership.api.OrganizationsApi;
import io.partnerhub.clients.membership.api.UsersApi;
import io.partnerhub.clients.membership.model.AssociateCandidate;
import io.partnerhub.clients.membership.model.RegisterOrganization;
import io.partnerhub.clients.membership.model.UserBody;
import io.partnerhub.clients.membership.model.UserRole;

/**
 * What another system does first (issue #24): a partner journey only through the Java clients generated from the
 * services' OpenAPI documents (deploy/clients), through the gateway, with the tokens of the system roles. An exam
 * passed (exam-provider), the certification earned, the organisation's competency at SILVER as its partner-admin reads
 * it. No hand-written HTTP: if a document stops describing what the service does, this fails.
 */
@ExtendWith(RunningSuite.class)
@Order(2)
class GeneratedClientJourneyIT {

    @Test
    void anExamPassedEarnsTheCertificationAndThePartnerAdminSeesTheCompetencyLevelThroughGeneratedClients()
            throws Exception {
        Persona ops = Persona.of("ops", Map.of());
        Persona pearsonVue = Persona.of("exam-provider", Map.of("provider", "PEARSON_VUE"));
        // the catalogue, as ops: an exam, the certification it earns, a competency needing one holder for SILVER
        String exam = Programme.unique("GEN").toUpperCase(Locale.ROOT);
        new ExamsApi(ops.exam()).examsPost(new CreateExam().code(exam).title("Exam " + exam).passingScore(700)
                .beta(false).deliveryModes(List.of(DeliveryMode.TEST_CENTER)).providers(List.of(ExamProvider.PEARSON_VUE))
                .skillsMeasured(List.of(new SkillAreaBody().area("Everything").weightMin(100).weightMax(100))));
        String certification = Programme.unique("gen");
        new CertificationsApi(ops.certification()).certificationsPost(new DefineCertification().id(certification)
                .name("Certification " + certification).level(CertificationLevel.ASSOCIATE)
                .requiredExams(List.of(List.of(exam))).prerequisites(List.of()));
        String competency = Programme.unique("gen");
        CompetenciesApi competencies = new CompetenciesApi(ops.competency());
        competencies.competenciesPost(new DefineCompetency().id(competency).name("Competency " + competency));
        DefineRequirementVersion version = new DefineRequirementVersion().version("v1").effectiveFrom(Programme.today())
                .silver(holders(1, certification)).gold(holders(2, certification));
        // competency-service learns of the certification from certification.defined: 400 unknown-credential until then
        await("the certification known to competency-service").atMost(Programme.AWAIT).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    try {
                        competencies.competenciesIdRequirementVersionsPost(competency, version);
                        return true;
                    } catch (io.partnerhub.clients.competency.ApiException e) {
                        if (e.getCode() == 400 && e.getResponseBody().contains("/unknown-credential")) {
                            return false;
                        }
                        throw e;
                    }
                });

        // the organisation (ops), its employee (the partner-admin adds the user, the employee associates themself)
        String mpnId = Long.toString(6_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L));
        String organization = new OrganizationsApi(ops.membership()).organizationsPost(
                new RegisterOrganization().mpnId(mpnId).name("Generated " + mpnId).country("DE")).getId().toString();
        Persona admin = Persona.of("partner-admin", Map.of("org", organization));
        String candidate = Programme.candidate("gen");
        UUID user = new UsersApi(admin.membership()).organizationsIdUsersPost(
                organization, new UserBody().name("Person " + candidate).email(candidate + "@example.org")
                        .role(UserRole.EMPLOYEE)).getId();
        new UsersApi(Persona.of("employee", Map.of("org", organization, "candidate", candidate)).membership())
                .organizationsIdUsersUserIdAssociationPost(organization, user.toString(),
                        new AssociateCandidate().candidateId(candidate));

        // the exam provider books the sitting a moment ahead and, once it is behind, posts a pass
        Instant at = Programme.now().plusMillis(800).truncatedTo(ChronoUnit.MILLIS);
        UUID registration = new RegistrationsApi(pearsonVue.exam()).examRegistrationsPost(
                new RegisterForExam().candidateId(candidate).examCode(exam).provider(ExamProvider.PEARSON_VUE)
                        .deliveryMode(DeliveryMode.TEST_CENTER).scheduledAt(OffsetDateTime.ofInstant(at, ZoneOffset.UTC)))
                .getId();
        await("the appointment behind").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> Programme.now().isAfter(at.plusMillis(20)));
        new ResultsApi(pearsonVue.exam()).examResultsPost(new PostResult()
                .providerResultId("PV-" + UUID.randomUUID()).registrationId(registration).score(850)
                .takenAt(OffsetDateTime.ofInstant(at, ZoneOffset.UTC)));

        // the certification is earned (exam.passed -> certification-service)
        CertificationHoldingsApi holdings = new CertificationHoldingsApi(ops.certification());
        await("the certification earned").atMost(Programme.AWAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> holdings.certificationHoldingsGet(candidate, null, null).stream()
                        .anyMatch(h -> certification.equals(h.getCertificationId()) && h.getStatus() == HoldingStatus.ACTIVE));
        HoldingView holding = holdings.certificationHoldingsGet(candidate, null, null).stream()
                .filter(h -> certification.equals(h.getCertificationId())).findFirst().orElseThrow();
        assertEquals(List.of(exam), holding.getExamCodes());

        // the partner-admin reads the competency at SILVER (certification.earned -> competency-service)
        CompetencyStatusApi status = new CompetencyStatusApi(admin.competency());
        CompetencyStatus[] last = new CompetencyStatus[1];
        await("the competency at SILVER").atMost(Programme.AWAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            try {
                last[0] = status.competencyStatusOrganizationIdCompetencyIdGet(competency, organization);
                return last[0].getLevel() == Level.SILVER;
            } catch (io.partnerhub.clients.competency.ApiException notKnownYet) {
                return false; // 404 until organization.registered is applied
            }
        });
        assertEquals(Level.SILVER, last[0].getLevel());
    }

    /** SILVER or GOLD: {@code individuals} people holding the certification, on one path. */
    private static LevelRequirements holders(int individuals, String certification) {
        return new LevelRequirements().paths(List.of(new RequirementPath().requirements(List.of(
                new Requirement().kind(Kind.SKILL).individuals(individuals).anyOf(List.of(certification))))));
    }

    /**
     * The generated clients of one persona, one a service: each pointed at the gateway's /api, each request with a
     * bearer token of the persona's role and claims (as another system would get it from deploy/run token).
     */
    private record Persona(io.partnerhub.clients.exam.ApiClient exam,
            io.partnerhub.clients.certification.ApiClient certification,
            io.partnerhub.clients.competency.ApiClient competency,
            io.partnerhub.clients.membership.ApiClient membership) {

        static Persona of(String role, Map<String, String> claims) {
            String api = RunningSuite.service("gateway").baseUrl() + "/api";
            String token = RunningSuite.stack().token(role, claims);
            Consumer<HttpRequest.Builder> bearer = request -> request.header("Authorization", "Bearer " + token);
            HttpClient.Builder http = HttpClient.newBuilder();
            ObjectMapper mapper = io.partnerhub.clients.exam.ApiClient.createDefaultObjectMapper();
            return new Persona(new io.partnerhub.clients.exam.ApiClient(http, mapper, api).setRequestInterceptor(bearer),
                    new io.partnerhub.clients.certification.ApiClient(http, mapper, api).setRequestInterceptor(bearer),
                    new io.partnerhub.clients.competency.ApiClient(http, mapper, api).setRequestInterceptor(bearer),
                    new io.partnerhub.clients.membership.ApiClient(http, mapper, api).setRequestInterceptor(bearer));
        }
    }
}
