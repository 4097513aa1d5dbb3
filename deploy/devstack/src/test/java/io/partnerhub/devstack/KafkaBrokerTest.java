package io.partnerhub.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Base64;

import org.junit.jupiter.api.RepeatedTest;

class KafkaBrokerTest {

    /** A leading '-' made kafka-storage read the id as an option and the broker fail to format (1 start in 64). */
    @RepeatedTest(500)
    void clusterIdIsNeverTakenForAnOption() {
        String id = KafkaBroker.clusterId();
        assertFalse(id.startsWith("-"), id);
        assertEquals(16, Base64.getUrlDecoder().decode(id).length);
    }
}
