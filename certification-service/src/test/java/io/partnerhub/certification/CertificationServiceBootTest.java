package io.partnerhub.certification;

import java.util.List;

import io.partnerhub.chassis.testing.ServiceBootTest;
import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(PartnerHubTestResource.class)
class CertificationServiceBootTest extends ServiceBootTest {

    CertificationServiceBootTest() {
        super("PartnerHub certification service", List.of("/certifications/{id}", "/transcripts/{candidateId}",
                "/certifications/{id}/retirement", "/certification-holdings/{id}/renewal-attempts",
                "/certification-holdings/{id}/revocation", "/assessment-results"));
    }
}
