package io.partnerhub.devstack.test;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The test resource's infrastructure is real: PostgreSQL answers SQL, the broker carries records. */
class PartnerHubTestResourceTest {

    private static Map<String, String> config;

    @BeforeAll
    static void startResource() {
        PartnerHubTestResource resource = new PartnerHubTestResource();
        resource.init(Map.of(PartnerHubTestResource.DATABASE_ARG, "exam"));
        config = resource.start();
    }

    @Test
    void databaseAnswersAsTheDemoRole() throws Exception {
        String url = config.get("quarkus.datasource.jdbc.url");
        assertTrue(url.endsWith("/exam"), url);
        try (Connection connection = DriverManager.getConnection(url, config.get("quarkus.datasource.username"),
                config.get("quarkus.datasource.password"));
             Statement sql = connection.createStatement()) {
            try (ResultSet rs = sql.executeQuery("SELECT 1")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1));
            }
            sql.execute("CREATE TABLE probe (id int primary key)"); // the role owns its database
            sql.execute("DROP TABLE probe");
        }
    }

    @Test
    void aSecondStartReusesTheSameServersAndAddsADatabase() {
        PartnerHubTestResource other = new PartnerHubTestResource();
        other.init(Map.of(PartnerHubTestResource.DATABASE_ARG, "certification"));
        Map<String, String> second = other.start();
        assertEquals(config.get("kafka.bootstrap.servers"), second.get("kafka.bootstrap.servers"));
        assertEquals(config.get("quarkus.datasource.jdbc.url").replace("/exam", "/certification"),
                second.get("quarkus.datasource.jdbc.url"));
        assertEquals(config.get("mp.jwt.verify.publickey.location"), second.get("mp.jwt.verify.publickey.location"));
    }

    @Test
    void brokerCarriesARecordFromProducerToConsumer() throws Exception {
        String bootstrap = PartnerHubTestResource.kafkaBootstrapServers();
        assertEquals(config.get("kafka.bootstrap.servers"), bootstrap);
        String key = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("exam-events", key, "{\"hello\":\"broker\"}")).get();
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + key,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("exam-events"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        assertEquals("{\"hello\":\"broker\"}", record.value());
                        assertEquals(3, consumer.partitionsFor("exam-events").size());
                        return;
                    }
                }
            }
        }
        throw new AssertionError("record not consumed within 30 s");
    }

    @Test
    void publicKeyLocationIsAPemFileAndTokensAreSignedWithItsPair() throws Exception {
        Path pem = Path.of(config.get("mp.jwt.verify.publickey.location"));
        assertTrue(pem.isAbsolute());
        assertTrue(Files.readString(pem).startsWith("-----BEGIN PUBLIC KEY-----"));
        String[] parts = TestTokens.partnerAdmin("org-1").split("\\.");
        java.security.Signature rs256 = java.security.Signature.getInstance("SHA256withRSA");
        rs256.initVerify(io.partnerhub.devstack.SigningKeys.load(pem.getParent()).publicKey());
        rs256.update((parts[0] + "." + parts[1]).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertTrue(rs256.verify(java.util.Base64.getUrlDecoder().decode(parts[2])));
        assertEquals("partnerhub-devstack", config.get("mp.jwt.verify.issuer"));
    }
}
