package io.partnerhub.competency;

import java.util.List;

import io.partnerhub.chassis.testing.ServiceBootTest;
import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class CompetencyServiceBootTest extends ServiceBootTest {

    CompetencyServiceBootTest() {
        super("PartnerHub competency service", List.of("/competencies/{id}", "/competencies/{id}/requirement-versions", "/competencies/{id}/roadmap", "/competency-status/{organizationId}", "/competency-status/{organizationId}/{competencyId}/history", "/competency-simulations", "/competency-status/{organizationId}/forecast"));
    }
}
