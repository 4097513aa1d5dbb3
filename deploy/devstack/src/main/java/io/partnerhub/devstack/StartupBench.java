package io.partnerhub.devstack;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code deploy/bench/startup}: how long each service takes from process start to {@code /q/health/ready} UP, and its
 * resident memory (VmRSS) right then, first each service alone (the others not running), then all five started at
 * once. Starts its own PostgreSQL and Kafka (fresh data under {@code home}), all on free ports. Prints figures,
 * asserts nothing (start-up times depend on the machine and its load).
 * <pre>java -cp devstack.jar:lib/* io.partnerhub.devstack.StartupBench HOME [ROUNDS]</pre>
 */
public final class StartupBench {

    private static final List<String> ORDER = List.of("exam-service", "certification-service", "competency-service",
            "membership-service", "gateway");

    private StartupBench() {
    }

    /** Ready time (wall clock), CPU time the process used until then (user + system), resident memory then. */
    record Sample(String service, double readySeconds, double cpuSeconds, long rssKib) {
    }

    public static void main(String[] args) {
        Path home = Path.of(args.length > 0 ? args[0] : "target/startup-bench").toAbsolutePath();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        // free ports throughout, so that the benchmark can run beside a deploy/run or the system tests
        List<ServiceSpec> services = ServiceSpec.suite().stream()
                .map(s -> new ServiceSpec(s.name(), s.module(), Processes.freePort(), s.database())).toList();
        try (DevStack stack = DevStack.builder().home(home).fresh(true).requireAllServices(true).out(null)
                .ports(Processes.freePort(), Processes.freePort(), Processes.freePort()).services(services).build()) {
            System.out.println("[startup] starting PostgreSQL and Kafka ...");
            stack.startInfrastructure();
            // training runs first (not measured), for each service that has no current trained archive
            for (String name : ORDER) {
                Path jar = stack.service(name).orElseThrow().jar(stack.repoRoot());
                if (!ServiceProcess.isCurrent(jar.getParent().resolve(ServiceProcess.TRAINED_ARCHIVE), jar)) {
                    System.out.println("[startup] training run of " + name + " (records its AppCDS archive)");
                    System.setProperty(ServiceProcess.TRAINING_SETTING, "true");
                    ServiceProcess instance = launch(stack, name);
                    awaitReady(http, List.of(instance));
                    stack.stopInstance(instance, Duration.ofSeconds(60));
                    System.clearProperty(ServiceProcess.TRAINING_SETTING);
                }
            }
            boolean built = ORDER.stream().map(name -> stack.service(name).orElseThrow().jar(stack.repoRoot())
                    .getParent().resolve(ServiceProcess.APPCDS_ARCHIVE)).anyMatch(java.nio.file.Files::exists);
            Map<String, String> settings = new LinkedHashMap<>(); // variant -> partnerhub.service.appcds
            settings.put("trained AppCDS", "true");
            if (built) {
                settings.put("build AppCDS", "build");
            }
            settings.put("no AppCDS", "false");
            List<String> variants = List.copyOf(settings.keySet());
            Map<String, Map<String, List<Sample>>> alone = new LinkedHashMap<>();
            Map<String, Map<String, List<Sample>>> together = new LinkedHashMap<>();
            for (int round = 1; round <= rounds; round++) {
                for (String variant : variants) { // interleaved, so that the machine's other load hits both alike
                    System.setProperty(ServiceProcess.APPCDS_SETTING, settings.get(variant));
                    for (String name : ORDER) {
                        ServiceProcess instance = launch(stack, name);
                        Sample sample = awaitReady(http, List.of(instance)).get(0);
                        stack.stopInstance(instance, Duration.ofSeconds(15));
                        alone.computeIfAbsent(variant, v -> new LinkedHashMap<>()).computeIfAbsent(name, n -> new ArrayList<>())
                                .add(sample);
                        print(round, variant, "alone", sample);
                    }
                    List<ServiceProcess> all = new ArrayList<>();
                    for (String name : ORDER) {
                        all.add(launch(stack, name));
                    }
                    for (Sample sample : awaitReady(http, all)) {
                        together.computeIfAbsent(variant, v -> new LinkedHashMap<>())
                                .computeIfAbsent(sample.service(), n -> new ArrayList<>()).add(sample);
                        print(round, variant, "together", sample);
                    }
                    all.forEach(instance -> stack.stopInstance(instance, Duration.ofSeconds(15)));
                }
            }
            String opts = RepoLayout.setting("partnerhub.service.java-opts", ServiceProcess.JAVA_OPTS_ENV);
            for (String variant : variants) {
                System.out.println();
                System.out.println(variant + ":");
                System.out.printf("%-22s %12s %10s %10s %15s %13s %13s%n", "service", "alone ready", "alone CPU",
                        "alone RSS", "together ready", "together CPU", "together RSS");
                for (String name : ORDER) {
                    List<Sample> a = alone.get(variant).get(name);
                    List<Sample> t = together.get(variant).get(name);
                    System.out.printf("%-22s %10.2f s %8.2f s %6d MiB %13.2f s %11.2f s %9d MiB%n", name, best(a), cpu(a),
                            rss(a), best(t), cpu(t), rss(t));
                }
            }
            System.out.printf("(best of %d round(s); ready = process start until /q/health/ready answers UP, polled every"
                    + " 25 ms; CPU = user + system time of the process until then, least of the rounds (what the"
                    + " machine's other load changes least); RSS = VmRSS at that moment, most of the rounds;"
                    + " JAVA_OPTS: %s)%n", rounds, opts == null ? "devstack default" : opts);
        }
    }

    private static void print(int round, String variant, String how, Sample sample) {
        System.out.printf("[startup] round %d %-10s %-8s %-22s ready %5.2f s  CPU %5.2f s  RSS %4d MiB%n", round, variant,
                how, sample.service(), sample.readySeconds(), sample.cpuSeconds(), sample.rssKib() / 1024);
    }

    private static ServiceProcess launch(DevStack stack, String name) {
        return stack.launchInstance(name, stack.service(name).orElseThrow().port(), Map.of());
    }

    private static List<Sample> awaitReady(HttpClient http, List<ServiceProcess> instances) {
        List<Sample> samples = new ArrayList<>();
        List<ServiceProcess> waiting = new ArrayList<>(instances);
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!waiting.isEmpty()) {
            for (ServiceProcess instance : List.copyOf(waiting)) {
                if (!instance.isAlive()) {
                    throw new IllegalStateException(instance.spec().name() + " exited:\n" + Processes.tail(instance.logFile(), 30));
                }
                if (instance.isReady(http)) {
                    samples.add(new Sample(instance.spec().name(), instance.secondsSinceStart(), instance.cpuSeconds(),
                            instance.residentKib()));
                    waiting.remove(instance);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not ready within 3 min: " + waiting.stream().map(i -> i.spec().name()).toList());
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return samples;
    }

    private static double best(List<Sample> samples) {
        return samples.stream().mapToDouble(Sample::readySeconds).min().orElse(Double.NaN);
    }

    private static double cpu(List<Sample> samples) {
        return samples.stream().mapToDouble(Sample::cpuSeconds).min().orElse(Double.NaN);
    }

    private static long rss(List<Sample> samples) {
        return samples.stream().mapToLong(Sample::rssKib).max().orElse(-1) / 1024;
    }
}
