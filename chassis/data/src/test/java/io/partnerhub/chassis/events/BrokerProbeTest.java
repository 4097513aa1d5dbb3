package io.partnerhub.chassis.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.partnerhub.devstack.test.PartnerHubTestResource;

/** The broker probe against the real embedded broker, and how long it keeps an answer. */
class BrokerProbeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private boolean brokerDown;

    @AfterEach
    void bringBrokerBack() {
        if (brokerDown) {
            PartnerHubTestResource.startBroker();
            brokerDown = false;
        }
    }

    @Test
    void saysNothingWhileTheBrokerAnswersAndWhyNotWhileItIsStopped() {
        Map<String, Object> kafka = new HashMap<>(Map.of("bootstrap.servers", PartnerHubTestResource.kafkaBootstrapServers()));
        BrokerProbe probe = new BrokerProbe(() -> Admin.create(BrokerProbe.adminProperties(kafka, TIMEOUT)), TIMEOUT,
                System::nanoTime);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> probe.ask().isEmpty()); // a broker just (re)started may list no node yet

            PartnerHubTestResource.stopBroker();
            brokerDown = true;
            long asked = System.nanoTime();
            assertThat(probe.ask()).as("why the broker does not answer").isPresent();
            assertThat(Duration.ofNanos(System.nanoTime() - asked)).as("bounded by the probe timeout")
                    .isLessThan(TIMEOUT.plusSeconds(2));

            PartnerHubTestResource.startBroker();
            brokerDown = false;
            await("the same client asks again once the broker is back").atMost(Duration.ofSeconds(30))
                    .until(() -> probe.ask().isEmpty());
        } finally {
            probe.close();
        }
    }

    @Test
    void aBurstOfFailuresAsksTheClusterOnceAndALaterOneAsksAgain() {
        AtomicLong now = new AtomicLong();
        AtomicInteger questions = new AtomicInteger();
        BrokerProbe probe = new BrokerProbe(() -> null, TIMEOUT, now::get) {
            @Override
            Optional<String> ask() {
                questions.incrementAndGet();
                return Optional.of("TimeoutException: Timed out waiting for a node assignment");
            }
        };

        for (int failure = 0; failure < 5; failure++) {
            assertThat(probe.notAnswering()).isPresent();
            now.addAndGet(BrokerProbe.REMEMBERED.toNanos() / 10);
        }
        assertThat(questions).as("one question for a burst within %s", BrokerProbe.REMEMBERED).hasValue(1);

        now.addAndGet(BrokerProbe.REMEMBERED.toNanos());
        probe.notAnswering();
        assertThat(questions).as("asked again once the answer is older than that").hasValue(2);
    }
}
