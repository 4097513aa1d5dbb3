package io.partnerhub.devstack;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code deploy/run} — the whole suite on this machine.
 * <pre>
 * up [--fresh] [--no-seed] [--brokers N]        PostgreSQL + Kafka + the five services + demo data (default)
 * infra [--fresh] [--brokers N]                 only PostgreSQL + Kafka + topics + keys, for one service in quarkus:dev
 * token ROLE [--org ID] [--candidate ID] [--provider PEARSON_VUE|PSI] [--source SYSTEM]
 *                                               print one signed token (and nothing else) on stdout
 * </pre>
 * Data, keys and logs live in {@code <repo>/.devstack/} and survive restarts; {@code --fresh} wipes them.
 */
public final class Launcher {

    /** The reporting system (claim {@code source}) of the demo reporter token: local-demo material. */
    static final String DEMO_REPORTING_SOURCE = "demo-crm";

    /**
     * Demo persona facts shown with the tokens: the demo data's organisations ({@code org.<key>} saved by the seed,
     * their ids are the membership service's) and one employee of the Gold organisation (fixed candidate id).
     */
    public static final String DEMO_ORG_KEY = "org.contoso";
    public static final String DEMO_CANDIDATE = "demo-contoso-ana";

    private Launcher() {
    }

    public static void main(String[] args) {
        List<String> arguments = new ArrayList<>(List.of(args));
        String mode = arguments.isEmpty() || arguments.get(0).startsWith("--") ? "up" : arguments.remove(0);
        try {
            switch (mode) {
                case "up" -> up(arguments);
                case "infra" -> infra(arguments);
                case "token" -> token(arguments);
                case "help", "-h" -> usage(System.out);
                default -> {
                    usage(System.err);
                    System.exit(2);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("deploy/run: " + e.getMessage());
            usage(System.err);
            System.exit(2);
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            System.err.println("[devstack] FAILED: " + message.lines().findFirst().orElse(message));
            System.exit(1);
        }
    }

    private static void up(List<String> args) {
        boolean fresh = args.remove("--fresh");
        boolean seed = !args.remove("--no-seed");
        int brokers = brokers(args);
        rejectUnknown(args);
        if (RepoLayout.setting(ServiceProcess.TRAINING_SETTING, ServiceProcess.TRAINING_ENV) == null) {
            // a service without a current trained AppCDS archive records one during this run: the next start is faster
            System.setProperty(ServiceProcess.TRAINING_SETTING, "true");
        }
        DevStack stack = DevStack.builder().fresh(fresh).brokers(brokers).build();
        stack.startInfrastructure().startServices();
        Map<String, String> demo = seed ? stack.seed(Seeder.DEMO_SEED).variables() : Map.of();
        stack.portalPersonas().keepWriting(java.time.Duration.ofMinutes(5));
        PrintStream out = System.out;
        out.println();
        out.println("PartnerHub is running.");
        out.println();
        out.println("  Gateway      http://localhost:8080/api/...");
        out.println("  Portal       http://localhost:8080/   (demo personas to pick from: no token to paste)");
        out.println("  API console  http://localhost:8080/q/swagger-ui  (all five documents; Authorize once with a token below)");
        out.println("  Mail         " + stack.mailInboxUrl() + "   (local demo inbox: every e-mail the suite sent; SMTP localhost:"
                + stack.smtpPort() + ")");
        for (ServiceSpec service : stack.runningServices()) {
            out.printf("  %-22s %s/q/swagger-ui%n", service.name(), service.baseUrl());
        }
        out.println();
        out.println("Demo tokens (valid " + DevStack.DEMO_TOKEN_LIFETIME.toHours() + " h; more: deploy/run token ROLE [--org ID] [--candidate ID] [--provider P] [--source S]):");
        personas(demo).forEach((label, claims) -> {
            String role = claims.remove("role");
            out.println("  " + label);
            out.println("    " + stack.token(role, claims));
        });
        out.println();
        out.println("Example: curl -H \"Authorization: Bearer $(deploy/run token ops)\" http://localhost:8080/api/exams");
        out.println("Logs: " + stack.home().resolve("logs") + "    Data: " + stack.home());
        out.println("Ctrl-C to stop.");
        awaitShutdown();
    }

    /** The personas whose tokens are printed; {@code demo} = what the demo seed saved (organisation ids). */
    static Map<String, Map<String, String>> personas(Map<String, String> demo) {
        Map<String, Map<String, String>> personas = new LinkedHashMap<>();
        personas.put("ops (operations staff)", claims("ops"));
        demo.entrySet().stream().filter(e -> e.getKey().startsWith("org.")).sorted(Map.Entry.comparingByKey()).forEach(org -> {
            Map<String, String> admin = claims("partner-admin");
            admin.put("org", org.getValue());
            personas.put("partner-admin of " + org.getKey().substring(4) + " (organisation " + org.getValue() + ")", admin);
        });
        if (demo.containsKey(DEMO_ORG_KEY)) {
            Map<String, String> employee = claims("employee");
            employee.put("org", demo.get(DEMO_ORG_KEY));
            employee.put("candidate", DEMO_CANDIDATE);
            personas.put("employee, candidate " + DEMO_CANDIDATE + " of " + DEMO_ORG_KEY.substring(4), employee);
        }
        for (String provider : Tokens.PROVIDERS) {
            Map<String, String> examProvider = claims(Tokens.EXAM_PROVIDER_ROLE);
            examProvider.put("provider", provider);
            personas.put("exam-provider bound to " + provider + " (its registrations: system checks, results)", examProvider);
        }
        Map<String, String> reporter = claims("reporter");
        reporter.put("source", DEMO_REPORTING_SOURCE);
        personas.put("reporter for " + DEMO_REPORTING_SOURCE + " (posts performance figures)", reporter);
        return personas;
    }

    private static Map<String, String> claims(String role) {
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put("role", role);
        return claims;
    }

    private static void infra(List<String> args) {
        boolean fresh = args.remove("--fresh");
        int brokers = brokers(args);
        rejectUnknown(args);
        DevStack stack = DevStack.builder().fresh(fresh).brokers(brokers).build();
        stack.startInfrastructure();
        String key = stack.keys().publicKeyFile().toString();
        PrintStream out = System.out;
        out.println();
        out.println("PartnerHub infrastructure is running.");
        out.println();
        out.println("  PostgreSQL  " + stack.jdbcUrl("<db>") + "   user partnerhub, password partnerhub");
        for (ServiceSpec service : stack.services()) {
            if (service.database() != null) {
                out.printf("              %-22s %s%n", service.name(), stack.jdbcUrl(service.database()));
            }
        }
        out.println("  Kafka       " + stack.kafkaBootstrapServers() + "   topics " + String.join(", ", Topics.all()));
        out.println("  JWT key     " + key + "   issuer " + Tokens.ISSUER);
        out.println("  SMTP        localhost:" + stack.smtpPort() + "   (GreenMail; inbox page " + stack.mailInboxUrl() + ")");
        out.println();
        out.println("Run one service against it (its %dev profile points here; or set these explicitly):");
        out.println("  QUARKUS_DATASOURCE_JDBC_URL=" + stack.jdbcUrl("exam") + " \\");
        out.println("  QUARKUS_DATASOURCE_USERNAME=partnerhub QUARKUS_DATASOURCE_PASSWORD=partnerhub \\");
        out.println("  KAFKA_BOOTSTRAP_SERVERS=" + stack.kafkaBootstrapServers() + " \\");
        out.println("  MP_JWT_VERIFY_PUBLICKEY_LOCATION=" + key + " MP_JWT_VERIFY_ISSUER=" + Tokens.ISSUER + " \\");
        out.println("  ./mvnw -pl exam-service quarkus:dev");
        out.println("Token: deploy/run token ops");
        out.println("Ctrl-C to stop.");
        awaitShutdown();
    }

    private static void token(List<String> args) {
        if (args.isEmpty() || args.get(0).startsWith("--")) {
            throw new IllegalArgumentException("token needs a ROLE (ops, partner-admin, employee, exam-provider, reporter)");
        }
        String role = args.remove(0);
        Map<String, String> claims = tokenClaims(role, args);
        DevStack stack = DevStack.builder().out(null).build();
        System.out.println(stack.token(role, claims));
    }

    /** The claims of {@code deploy/run token ROLE [options]}; an exam-provider defaults to the first provider. */
    static Map<String, String> tokenClaims(String role, List<String> options) {
        List<String> args = new ArrayList<>(options);
        Map<String, String> claims = new LinkedHashMap<>();
        while (!args.isEmpty()) {
            String option = args.remove(0);
            if (args.isEmpty()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            switch (option) {
                case "--org" -> claims.put("org", args.remove(0));
                case "--candidate" -> claims.put("candidate", args.remove(0));
                case "--sub" -> claims.put("sub", args.remove(0));
                case "--provider" -> claims.put("provider", args.remove(0));
                case "--source" -> claims.put("source", args.remove(0));
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (claims.containsKey("provider") && !role.equals(Tokens.EXAM_PROVIDER_ROLE)) {
            throw new IllegalArgumentException("--provider is for exam-provider tokens only");
        }
        if (claims.containsKey("source") && !role.equals("reporter")) {
            throw new IllegalArgumentException("--source is for reporter tokens only");
        }
        if (role.equals("reporter")) {
            claims.putIfAbsent("source", DEMO_REPORTING_SOURCE);
        }
        if (role.equals(Tokens.EXAM_PROVIDER_ROLE)) {
            String provider = claims.computeIfAbsent("provider", p -> Tokens.PROVIDERS.get(0));
            if (!Tokens.PROVIDERS.contains(provider)) {
                throw new IllegalArgumentException("--provider must be one of " + String.join(", ", Tokens.PROVIDERS));
            }
        }
        return claims;
    }

    /** {@code --brokers N} (removed from {@code args}): 1 by default, 3 for a replicated cluster (issue #26). */
    static int brokers(List<String> args) {
        int at = args.indexOf("--brokers");
        if (at < 0) {
            return 1;
        }
        args.remove(at);
        String value = at < args.size() ? args.remove(at) : "";
        if (!value.matches("[1-5]")) {
            throw new IllegalArgumentException("--brokers needs a number from 1 to 5 (3: replicated, min.insync.replicas=2)");
        }
        return Integer.parseInt(value);
    }

    private static void rejectUnknown(List<String> args) {
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("unknown arguments " + args);
        }
    }

    private static void awaitShutdown() {
        try {
            new CountDownLatch(1).await(); // the shutdown hook stops everything on Ctrl-C / SIGTERM
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void usage(PrintStream out) {
        out.println("usage: deploy/run [up] [--fresh] [--no-seed] [--build] [--brokers N]");
        out.println("       deploy/run infra [--fresh] [--build] [--brokers N]");
        out.println("       deploy/run token ROLE [--org ID] [--candidate ID] [--provider PEARSON_VUE|PSI] [--source SYSTEM]");
        out.println("       deploy/run rebuild [GATEWAY_URL]   (issue 26: competency-service's projections from snapshots)");
        out.println("  up     PostgreSQL :" + DevStack.POSTGRES_PORT + ", Kafka :" + DevStack.KAFKA_PORT
                + ", gateway :8080, services :8081-8084, demo data");
        out.println("  infra  only PostgreSQL, Kafka, topics and keys (for ./mvnw -pl <service> quarkus:dev)");
        out.println("  token  print one signed demo token; ROLE: ops, partner-admin, employee, exam-provider, reporter;\n"
                + "         an exam-provider is bound to --provider PEARSON_VUE (default) or PSI");
        out.println("  --brokers 3  a replicated Kafka cluster (KRaft, :19092/:19102/:19112, replication 3, min.insync.replicas 2)");
        out.println("  data, keys and logs: <repo>/.devstack/ (--fresh wipes it)");
    }
}
