package io.partnerhub.devstack.test;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/** The default build is the embedded devstack: Testcontainers is neither compiled in nor on the class path. */
@DisabledIfSystemProperty(named = TestInfrastructure.MODE, matches = "containers")
class InfrastructureModeTest {

    @Test
    void theDefaultBuildHasNoTestcontainers() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.testcontainers.DockerClientFactory"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("io.partnerhub.devstack.test.ContainerInfrastructure"));
    }
}
