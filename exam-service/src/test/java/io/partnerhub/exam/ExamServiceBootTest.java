package io.partnerhub.exam;

import java.util.List;

import io.partnerhub.chassis.testing.ServiceBootTest;
import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class ExamServiceBootTest extends ServiceBootTest {

    ExamServiceBootTest() {
        super("PartnerHub exam service", List.of("/exams", "/exams/{code}", "/exam-registrations", "/exam-results",
                "/exam-candidates/{candidateId}/attempts"));
    }
}
