package io.partnerhub.deploy.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Every overlay of deploy/k8s, built with Kustomize: each object fits its schema ({@link Schemas}), and the suite's
 * wiring holds (topics, probes, references, the clock, disruption budgets, network policies).
 */
class ManifestsTest {

    /** Objects the manifests refer to that are made outside Kustomize: per environment, or by an operator. */
    private static final Set<String> CREATED_PER_ENVIRONMENT = Set.of(
            "ConfigMap/partnerhub-jwt-public-key", "Secret/certification-badge-signing-key",
            "Secret/competency-credential-signing-key", "Secret/partnerhub-tls", "Secret/membership-notification");

    private static Kustomize kustomize;
    private static final Map<String, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();

    @BeforeAll
    static void locateKustomize() {
        kustomize = Kustomize.locate();
        System.out.println("[k8s] Kustomize: " + kustomize.describe());
    }

    static List<String> overlays() {
        return Manifests.overlayNames();
    }

    private static List<JsonNode> rendered(String overlay) {
        return RENDERED.computeIfAbsent(overlay, o -> Manifests.render(kustomize, Manifests.DIR.resolve("overlays").resolve(o)));
    }

    @Test
    void thereIsADevAndAProdOverlay() {
        assertEquals(List.of("dev", "prod"), overlays());
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyObjectFitsItsSchema(String overlay) {
        List<JsonNode> objects = rendered(overlay);
        List<String> problems = objects.stream().flatMap(o -> Schemas.problems(o).stream()).toList();
        assertEquals(List.of(), problems, overlay + ":\n" + String.join("\n", problems));
        Set<String> seen = new TreeSet<>();
        for (JsonNode o : objects) {
            assertTrue(seen.add(o.path("kind").asText() + "/" + Manifests.name(o)), "twice: " + Manifests.name(o));
        }
        assertTrue(objects.size() > 30, overlay + " renders " + objects.size() + " objects");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyTopicTheServicesPublishHasAKafkaTopicAndADeadLetterTopic(String overlay) {
        Set<String> topics = Manifests.ofKind(rendered(overlay), "KafkaTopic").map(Manifests::name).collect(Collectors.toSet());
        Set<String> published = publishedTopics();
        assertEquals(devstackTopics(), published, "the producers' asyncapi.yaml addresses vs deploy/devstack Topics.java");
        for (String topic : published) {
            assertTrue(topics.contains(topic), overlay + " has no KafkaTopic " + topic);
            assertTrue(topics.contains(topic + ".dlq"), overlay + " has no KafkaTopic " + topic + ".dlq");
        }
        assertEquals(published.size() * 2, topics.size(), "topics nobody publishes: " + topics);
        Manifests.ofKind(rendered(overlay), "KafkaTopic").forEach(t -> {
            assertEquals("partnerhub", t.path("metadata").path("labels").path("strimzi.io/cluster").asText(), Manifests.name(t));
            // consumers may re-read from the earliest offset: the inbox must still remember every event a topic keeps
            // (partnerhub.inbox.retention, 14 days, chassis/README.md)
            if (!Manifests.name(t).endsWith(".dlq")) {
                assertTrue(t.path("spec").path("config").path("retention.ms").asLong() < 14L * 24 * 3600 * 1000, Manifests.name(t));
            }
        });
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyDeploymentProbesQuarkusHealthAndReadsOnlyWhatExists(String overlay) {
        List<JsonNode> objects = rendered(overlay);
        Set<String> present = objects.stream().map(o -> o.path("kind").asText() + "/" + Manifests.name(o)).collect(Collectors.toSet());
        Set<String> cnpgSecrets = Manifests.ofKind(objects, "Cluster").map(c -> "Secret/" + Manifests.name(c) + "-app")
                .collect(Collectors.toSet());
        List<JsonNode> deployments = Manifests.ofKind(objects, "Deployment").toList();
        assertEquals(Set.of("gateway", "exam-service", "certification-service", "competency-service", "membership-service"),
                deployments.stream().map(Manifests::name).collect(Collectors.toSet()));
        List<String> missing = new ArrayList<>();
        for (JsonNode deployment : deployments) {
            String name = Manifests.name(deployment);
            JsonNode pod = deployment.path("spec").path("template");
            JsonNode container = pod.path("spec").path("containers").get(0);
            assertEquals("/q/health/started", container.path("startupProbe").path("httpGet").path("path").asText(), name);
            assertEquals("/q/health/ready", container.path("readinessProbe").path("httpGet").path("path").asText(), name);
            assertEquals("/q/health/live", container.path("livenessProbe").path("httpGet").path("path").asText(), name);
            List<String> references = new ArrayList<>();
            container.path("envFrom").forEach(e -> references.add("ConfigMap/" + e.path("configMapRef").path("name").asText()));
            container.path("env").forEach(e -> {
                if (e.path("valueFrom").has("secretKeyRef")) {
                    references.add("Secret/" + e.path("valueFrom").path("secretKeyRef").path("name").asText());
                }
            });
            pod.path("spec").path("volumes").forEach(v -> {
                if (v.has("configMap")) {
                    references.add("ConfigMap/" + v.path("configMap").path("name").asText());
                } else if (v.has("secret")) {
                    references.add("Secret/" + v.path("secret").path("secretName").asText());
                }
            });
            references.stream().filter(r -> !present.contains(r) && !cnpgSecrets.contains(r) && !CREATED_PER_ENVIRONMENT.contains(r))
                    .forEach(r -> missing.add(name + " -> " + r));
            // its Service selects its pods
            JsonNode service = Manifests.ofKind(objects, "Service").filter(s -> name.equals(Manifests.name(s))).findFirst().orElseThrow();
            service.path("spec").path("selector").fields().forEachRemaining(label ->
                    assertEquals(label.getValue().asText(), pod.path("metadata").path("labels").path(label.getKey()).asText(), name));
        }
        assertEquals(List.of(), missing, overlay + ": references to objects that nothing creates");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everySettingADeploymentPassesIsOneItsServiceReads(String overlay) {
        assertEquals(List.of(), Settings.unknown(rendered(overlay), Manifests.REPO_ROOT));
    }

    @Test
    void prodKeepsTheClockFixedAndSurvivesADrain() {
        List<JsonNode> prod = rendered("prod");
        assertEquals(List.of("false"), clockSettings(prod));
        Set<String> budgeted = Manifests.ofKind(prod, "PodDisruptionBudget")
                .map(p -> p.path("spec").path("selector").path("matchLabels").path("app.kubernetes.io/name").asText())
                .collect(Collectors.toSet());
        int partitions = Manifests.ofKind(prod, "KafkaTopic").filter(t -> !Manifests.name(t).endsWith(".dlq"))
                .mapToInt(t -> t.path("spec").path("partitions").asInt()).min().orElseThrow();
        Map<String, JsonNode> autoscaled = new HashMap<>();
        Manifests.ofKind(prod, "HorizontalPodAutoscaler").forEach(h -> autoscaled.put(h.path("spec").path("scaleTargetRef").path("name").asText(), h));
        assertEquals(Set.of("certification-service", "competency-service"), autoscaled.keySet());
        autoscaled.values().forEach(h -> assertTrue(h.path("spec").path("maxReplicas").asInt() <= partitions,
                "an instance beyond the partition count would idle: " + Manifests.name(h)));
        Manifests.ofKind(prod, "Deployment").forEach(d -> {
            String name = Manifests.name(d);
            int instances = autoscaled.containsKey(name) ? autoscaled.get(name).path("spec").path("minReplicas").asInt()
                    : d.path("spec").path("replicas").asInt();
            assertTrue(instances >= 2, name + " runs as one instance in prod");
            assertEquals(autoscaled.containsKey(name), d.path("spec").path("replicas").isMissingNode(),
                    name + ": a Deployment either has a replica count or an HPA that owns it");
            assertTrue(budgeted.contains(name), name + " has no PodDisruptionBudget");
            assertFalse(d.path("spec").path("template").path("spec").path("containers").get(0).path("resources").path("limits").isEmpty(),
                    name + " has no limits");
        });
        Manifests.ofKind(prod, "KafkaTopic").forEach(t -> assertEquals(3, t.path("spec").path("replicas").asInt(), Manifests.name(t)));
        Manifests.ofKind(prod, "Cluster").forEach(c -> assertEquals(3, c.path("spec").path("instances").asInt(), Manifests.name(c)));
    }

    /** Rate limits key anonymous clients by their own address behind the ingress, never by a header anyone can send. */
    @Test
    void prodTakesClientAddressesFromTheIngressOnly() {
        Map<String, String> gateway = new TreeMap<>();
        Manifests.ofKind(rendered("prod"), "ConfigMap").filter(c -> Manifests.name(c).startsWith("gateway-config"))
                .forEach(c -> c.path("data").fields().forEachRemaining(f -> gateway.put(f.getKey(), f.getValue().asText())));
        assertEquals("true", gateway.get("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING"));
        String trusted = gateway.getOrDefault("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES", "");
        assertTrue(trusted.matches("[0-9a-fA-F.:]+/\\d+(,[0-9a-fA-F.:]+/\\d+)*"), "trusted proxies as CIDRs: " + trusted);
        assertFalse(trusted.contains("/0"), "every address trusted: " + trusted);
    }

    @Test
    void devRunsOneOfEverythingWithTheAdjustableClock() {
        List<JsonNode> dev = rendered("dev");
        assertEquals(List.of("true"), clockSettings(dev));
        Manifests.ofKind(dev, "Deployment").forEach(d -> assertEquals(1, d.path("spec").path("replicas").asInt(), Manifests.name(d)));
        Manifests.ofKind(dev, "KafkaNodePool").forEach(p -> assertEquals(1, p.path("spec").path("replicas").asInt(), Manifests.name(p)));
        Manifests.ofKind(dev, "Cluster").forEach(c -> assertEquals(1, c.path("spec").path("instances").asInt(), Manifests.name(c)));
        Manifests.ofKind(dev, "KafkaTopic").forEach(t -> assertEquals(1, t.path("spec").path("replicas").asInt(), Manifests.name(t)));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void onlyTheGatewayIsReachableFromOutsideAndEachServiceReachesOnlyItsDatabaseAndKafka(String overlay) {
        List<JsonNode> objects = rendered(overlay);
        assertEquals(List.of("gateway"), Manifests.ofKind(objects, "Ingress")
                .flatMap(i -> stream(i.path("spec").path("rules")))
                .flatMap(r -> stream(r.path("http").path("paths")))
                .map(p -> p.path("backend").path("service").path("name").asText()).distinct().toList());
        Map<String, JsonNode> policies = new HashMap<>();
        Manifests.ofKind(objects, "NetworkPolicy").forEach(p -> policies.put(Manifests.name(p), p));
        JsonNode denyAll = policies.get("partnerhub-apps-default-deny");
        assertEquals("app", denyAll.path("spec").path("podSelector").path("matchLabels").path("partnerhub.io/tier").asText());
        assertTrue(denyAll.path("spec").path("ingress").isMissingNode() && denyAll.path("spec").path("egress").isMissingNode());
        for (String db : List.of("exam", "certification", "competency", "membership")) {
            String service = db + "-service";
            JsonNode policy = policies.get(service);
            Set<String> egressTo = stream(policy.path("spec").path("egress")).flatMap(rule -> stream(rule.path("to")))
                    .map(peer -> labels(peer.path("podSelector"))).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(new TreeSet<>(Set.of("{cnpg.io/cluster=" + db + "-db}",
                    "{strimzi.io/broker-role=true, strimzi.io/cluster=partnerhub}", "{k8s-app=kube-dns}")), egressTo, service);
            assertEquals(List.of("{app.kubernetes.io/name=gateway}"), stream(policy.path("spec").path("ingress"))
                    .flatMap(rule -> stream(rule.path("from"))).map(peer -> labels(peer.path("podSelector"))).toList(), service);
            JsonNode database = policies.get(db + "-db");
            assertTrue(stream(database.path("spec").path("ingress")).flatMap(rule -> stream(rule.path("from")))
                    .map(peer -> peer.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText())
                    .filter(s -> !s.isEmpty()).allMatch(service::equals), db + "-db admits another service");
        }
    }

    /** deploy/compose runs the same images with the same settings as the dev overlay (one PostgreSQL, one broker). */
    @Test
    void composeGivesEachServiceWhatItsDevDeploymentGets() throws IOException {
        List<JsonNode> dev = rendered("dev");
        JsonNode compose = new YAMLMapper().readTree(Manifests.REPO_ROOT.resolve("deploy/compose/compose.yaml").toFile());
        Map<String, JsonNode> configMaps = new HashMap<>();
        Manifests.ofKind(dev, "ConfigMap").forEach(c -> configMaps.put(Manifests.name(c), c.path("data")));
        Set<String> sameValue = Set.of("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "MP_JWT_VERIFY_ISSUER", "PARTNERHUB_CLOCK_ADJUSTABLE",
                "JAVA_TOOL_OPTIONS", "MALLOC_ARENA_MAX", "PARTNERHUB_CERTIFICATION_BADGES_SIGNING_KEY_LOCATION",
                "PARTNERHUB_CERTIFICATION_BADGES_SIGNING_KEY_ID", "PARTNERHUB_CERTIFICATION_SWEEP_INTERVAL",
                "PARTNERHUB_COMPETENCY_CREDENTIALS_SIGNING_KEY_LOCATION", "PARTNERHUB_COMPETENCY_CREDENTIALS_SIGNING_KEY_ID");
        List<String> differences = new ArrayList<>();
        Manifests.ofKind(dev, "Deployment").forEach(d -> {
            String name = Manifests.name(d);
            JsonNode container = d.path("spec").path("template").path("spec").path("containers").get(0);
            JsonNode service = compose.path("services").path(name);
            if (!service.path("image").asText().startsWith("partnerhub/" + name + ":")) {
                differences.add(name + ": image " + service.path("image").asText());
            }
            Map<String, String> k8sEnv = new TreeMap<>();
            container.path("envFrom").forEach(e -> configMaps.get(e.path("configMapRef").path("name").asText())
                    .fields().forEachRemaining(f -> k8sEnv.put(f.getKey(), f.getValue().asText())));
            container.path("env").forEach(e -> k8sEnv.put(e.path("name").asText(), e.path("value").asText()));
            JsonNode composeEnv = service.path("environment");
            k8sEnv.forEach((key, value) -> {
                if (!composeEnv.has(key)) {
                    differences.add(name + ": compose lacks " + key);
                } else if (sameValue.contains(key) && !composeEnv.path(key).asText().equals(value)) {
                    differences.add(name + ": " + key + " is " + composeEnv.path(key).asText() + " in compose, " + value + " on k8s");
                }
            });
        });
        assertEquals(List.of(), differences);
    }

    private static List<String> clockSettings(List<JsonNode> objects) {
        List<String> values = new ArrayList<>();
        Manifests.ofKind(objects, "ConfigMap").forEach(c -> {
            if (c.path("data").has("PARTNERHUB_CLOCK_ADJUSTABLE")) {
                values.add(c.path("data").path("PARTNERHUB_CLOCK_ADJUSTABLE").asText());
            }
        });
        Manifests.ofKind(objects, "Deployment").flatMap(d -> stream(d.path("spec").path("template").path("spec").path("containers")))
                .flatMap(c -> stream(c.path("env"))).filter(e -> e.path("name").asText().equals("PARTNERHUB_CLOCK_ADJUSTABLE"))
                .forEach(e -> values.add(e.path("value").asText()));
        return values;
    }

    private static String labels(JsonNode selector) {
        Map<String, String> labels = new TreeMap<>();
        selector.path("matchLabels").fields().forEachRemaining(l -> labels.put(l.getKey(), l.getValue().asText()));
        return labels.toString();
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items.stream();
    }

    /** Topics.EVENT_TOPICS of deploy/devstack, read from its source (the devstack jar is not a dependency here). */
    private static Set<String> devstackTopics() {
        try {
            String source = Files.readString(Manifests.REPO_ROOT.resolve(
                    "deploy/devstack/src/main/java/io/partnerhub/devstack/Topics.java"));
            java.util.regex.Matcher list = java.util.regex.Pattern.compile("EVENT_TOPICS\\s*=\\s*List\\.of\\(([^)]*)\\)").matcher(source);
            assertTrue(list.find(), "EVENT_TOPICS not found in Topics.java");
            Set<String> topics = new TreeSet<>();
            java.util.regex.Matcher name = java.util.regex.Pattern.compile("\"([^\"]+)\"").matcher(list.group(1));
            while (name.find()) {
                topics.add(name.group(1));
            }
            return topics;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The topics the services publish: the addresses of the channels in each producer's asyncapi.yaml. */
    private static Set<String> publishedTopics() {
        Set<String> topics = new TreeSet<>();
        for (String module : List.of("exam-service", "certification-service", "competency-service", "membership-service")) {
            Path spec = Manifests.REPO_ROOT.resolve(module).resolve("src/main/resources/asyncapi.yaml");
            try {
                new YAMLMapper().readTree(Files.readString(spec)).path("channels")
                        .forEach(channel -> topics.add(channel.path("address").asText()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return topics;
    }
}
