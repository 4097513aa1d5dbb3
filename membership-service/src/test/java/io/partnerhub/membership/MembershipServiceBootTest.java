package io.partnerhub.membership;

import java.util.List;

import io.partnerhub.chassis.testing.ServiceBootTest;
import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class MembershipServiceBootTest extends ServiceBootTest {

    MembershipServiceBootTest() {
        super("PartnerHub membership service", List.of("/organizations/{id}"));
    }
}
