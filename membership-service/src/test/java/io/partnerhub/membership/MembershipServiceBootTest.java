package io.partnerhub.membership;

import java.util.List;

import io.partnerhub.chassis.testing.ServiceBootTest;
import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(PartnerHubTestResource.class)
class MembershipServiceBootTest extends ServiceBootTest {

    MembershipServiceBootTest() {
        super("PartnerHub membership service", List.of("/organizations/{id}"));
    }
}
