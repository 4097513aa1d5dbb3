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

    record Sample(String service, double readySeconds, long rssKib) {
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
            Map<String, List<Sample>> alone = new LinkedHashMap<>();
            Map<String, List<Sample>> together = new LinkedHashMap<>();
            for (int round = 1; round <= rounds; round++) {
                for (String name : ORDER) {
                    ServiceProcess instance = launch(stack, name);
                    Sample sample = awaitReady(http, List.of(instance)).get(0);
                    alone.computeIfAbsent(name, n -> new ArrayList<>()).add(sample);
                    stack.stopInstance(instance, Duration.ofSeconds(15));
                    System.out.printf("[startup] round %d alone    %-22s ready %5.2f s  RSS %4d MiB%n", round, name,
                            sample.readySeconds(), sample.rssKib() / 1024);
                }
                List<ServiceProcess> all = new ArrayList<>();
                for (String name : ORDER) {
                    all.add(launch(stack, name));
                }
                for (Sample sample : awaitReady(http, all)) {
                    together.computeIfAbsent(sample.service(), n -> new ArrayList<>()).add(sample);
                    System.out.printf("[startup] round %d together %-22s ready %5.2f s  RSS %4d MiB%n", round,
                            sample.service(), sample.readySeconds(), sample.rssKib() / 1024);
                }
                all.forEach(instance -> stack.stopInstance(instance, Duration.ofSeconds(15)));
            }
            System.out.println();
            System.out.printf("%-22s %12s %10s %15s %13s%n", "service", "alone ready", "alone RSS", "together ready",
                    "together RSS");
            for (String name : ORDER) {
                System.out.printf("%-22s %10.2f s %6d MiB %13.2f s %9d MiB%n", name, best(alone.get(name)),
                        rss(alone.get(name)), best(together.get(name)), rss(together.get(name)));
            }
            System.out.printf("(best of %d round(s); ready = process start until /q/health/ready answers UP, polled every"
                    + " 25 ms; RSS = VmRSS at that moment; JAVA_OPTS: %s)%n", rounds,
                    RepoLayout.setting("partnerhub.service.java-opts", ServiceProcess.JAVA_OPTS_ENV) == null ? "devstack default"
                            : RepoLayout.setting("partnerhub.service.java-opts", ServiceProcess.JAVA_OPTS_ENV));
        }
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
                    samples.add(new Sample(instance.spec().name(), instance.secondsSinceStart(), instance.residentKib()));
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

    private static long rss(List<Sample> samples) {
        return samples.stream().mapToLong(Sample::rssKib).max().orElse(-1) / 1024;
    }
}
