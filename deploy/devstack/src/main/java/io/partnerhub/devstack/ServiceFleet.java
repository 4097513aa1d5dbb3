package io.partnerhub.devstack;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The five services as child processes: start, readiness ({@code /q/health/ready} = UP), more instances, stop.
 * Each instance is handed to {@link ChildProcesses}, which stops them all when the stack stops; an instance stopped or
 * killed on purpose is released from it first.
 */
final class ServiceFleet {

    private final Path root;
    private final Path home;
    private final List<ServiceSpec> services;
    private final Duration readyTimeout;
    private final boolean requireAllServices;
    private final ChildProcesses children;
    private final Progress progress;
    /** By service name for the first instance, {@code name@port} for more. */
    private final Map<String, ServiceProcess> running = new LinkedHashMap<>();

    ServiceFleet(Path root, Path home, List<ServiceSpec> services, Duration readyTimeout, boolean requireAllServices,
                 ChildProcesses children, Progress progress) {
        this.root = root;
        this.home = home;
        this.services = services;
        this.readyTimeout = readyTimeout;
        this.requireAllServices = requireAllServices;
        this.children = children;
        this.progress = progress;
    }

    /** Starts every service whose jar is built and waits until all are ready. */
    synchronized void startAll(Infrastructure infrastructure) {
        List<ServiceSpec> missing = services.stream().filter(s -> !Files.exists(s.jar(root))).toList();
        if (!missing.isEmpty()) {
            String names = missing.stream().map(s -> s.name() + " (" + root.relativize(s.jar(root)) + ")")
                    .collect(Collectors.joining(", "));
            if (requireAllServices) {
                throw new IllegalStateException("Not built: " + names + ". Run ./mvnw install -DskipTests first.");
            }
            progress.say("WARNING: not built, not started: %s", names);
        }
        checkPortsFree(services.stream().filter(s -> !missing.contains(s)).mapToInt(ServiceSpec::port).toArray());
        for (ServiceSpec spec : services) {
            if (missing.contains(spec)) {
                continue;
            }
            ServiceProcess service = launch(spec.name(), spec, ServiceEnvironment.of(spec, infrastructure, home),
                    home.resolve("logs").resolve(spec.name() + ".log"));
            Path log = service.logFile();
            progress.say("starting %-22s on :%d (pid %d, log %s)", spec.name(), spec.port(), service.pid(),
                    root.relativize(log).toString().startsWith("..") ? log : root.relativize(log));
        }
        awaitReady(running.values());
    }

    /** One more instance of a service on {@code port}, with the first one's environment plus {@code extraEnvironment}. */
    synchronized ServiceProcess launchInstance(Infrastructure infrastructure, String serviceName, int port,
                                               Map<String, String> extraEnvironment) {
        ServiceSpec first = service(serviceName).orElseThrow(() -> new IllegalArgumentException("no service " + serviceName));
        String key = serviceName + "@" + port;
        ServiceProcess previous = running.get(key);
        if (previous != null && previous.isAlive()) {
            throw new IllegalStateException(key + " is already running (pid " + previous.pid() + ")");
        }
        checkPortsFree(port);
        ServiceSpec spec = new ServiceSpec(first.name(), first.module(), port, first.database());
        Map<String, String> env = ServiceEnvironment.of(spec, infrastructure, home);
        env.putAll(extraEnvironment);
        ServiceProcess service = launch(key, spec, env, home.resolve("logs").resolve(serviceName + "-" + port + ".log"));
        progress.say("starting %-22s on :%d (pid %d, another instance)", serviceName, port, service.pid());
        return service;
    }

    private ServiceProcess launch(String key, ServiceSpec spec, Map<String, String> env, Path logFile) {
        ServiceProcess service = ServiceProcess.launch(spec, spec.jar(root), env, logFile);
        running.put(key, service);
        children.add(key, ChildProcesses.Stage.SERVICES, service.pid(), service::stop);
        return service;
    }

    synchronized Optional<ServiceProcess> process(String serviceName) {
        return Optional.ofNullable(running.get(serviceName));
    }

    /** SIGTERM, then SIGKILL after {@code grace}; the instance is no longer the fleet's. */
    void stopInstance(ServiceProcess instance, Duration grace) {
        release(instance);
        instance.stop(grace);
        progress.say("stopped  %-22s on :%d (pid %d)", instance.spec().name(), instance.spec().port(), instance.pid());
    }

    /** SIGKILL (see {@link ServiceProcess#kill()}); the instance is no longer the fleet's. */
    void kill(ServiceProcess instance) {
        release(instance);
        instance.kill();
        progress.say("killed   %-22s on :%d (pid %d, SIGKILL)", instance.spec().name(), instance.spec().port(), instance.pid());
    }

    private synchronized void release(ServiceProcess instance) {
        running.entrySet().removeIf(entry -> {
            if (entry.getValue() == instance) {
                children.release(entry.getKey());
                return true;
            }
            return false;
        });
    }

    /** Waits until every instance answers ready; fails with the tail of the log of one that exits or stays unready. */
    void awaitReady(Collection<ServiceProcess> instances) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        List<ServiceProcess> waiting = new ArrayList<>(instances);
        long deadline = System.nanoTime() + readyTimeout.toNanos();
        while (!waiting.isEmpty()) {
            for (ServiceProcess service : List.copyOf(waiting)) {
                if (!service.isAlive()) {
                    throw failure(service, service.spec().name() + " exited with code " + service.exitValue());
                }
                if (service.isReady(http)) {
                    waiting.remove(service);
                    progress.say("ready    %-22s %s (%.1f s)", service.spec().name(), service.spec().baseUrl(),
                            service.secondsSinceStart());
                }
            }
            if (waiting.isEmpty()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw failure(waiting.get(0), waiting.stream().map(s -> s.spec().name()).collect(Collectors.joining(", "))
                        + " not ready within " + readyTimeout.toSeconds() + " s");
            }
            Processes.pause(500, "the services");
        }
    }

    private IllegalStateException failure(ServiceProcess service, String message) {
        String text = message + "\n  " + service.logFile() + " ends with:\n" + Processes.tail(service.logFile(), 40);
        progress.say("FAILED: %s", text);
        return new IllegalStateException(text);
    }

    Optional<ServiceSpec> service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The services started by {@link #startAll} and the instances since (those whose jar was built). */
    synchronized List<ServiceSpec> runningServices() {
        return running.values().stream().map(ServiceProcess::spec).toList();
    }

    static void checkPortsFree(int... ports) {
        for (int port : ports) {
            if (Processes.portInUse(port)) {
                throw new IllegalStateException("Port " + port + " is in use. Is another `deploy/run` (or a service in "
                        + "quarkus:dev) running? Stop it first.");
            }
        }
    }
}
