package io.partnerhub.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When the devstack starts a service with its trained AppCDS archive instead of recording a new one. */
class TrainedArchiveTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "archive {0} s after the jar, {1} bytes: current = {2}")
    @CsvSource({
            "60, 1000, true", // recorded after the last build
            "-60, 1000, false", // the jar was rebuilt since: stale
            "0, 1000, false", // same instant: cannot tell, record again
            "60, 0, false", // an empty file (a recording that never finished)
    })
    void aTrainedArchiveIsUsedOnlyWhenRecordedAfterTheLastBuild(long secondsAfterJar, int size, boolean current)
            throws IOException {
        Instant built = Instant.parse("2026-12-01T12:00:00Z");
        Path jar = Files.write(dir.resolve("quarkus-run.jar"), new byte[] { 1 });
        Files.setLastModifiedTime(jar, FileTime.from(built));
        Path archive = Files.write(dir.resolve(ServiceProcess.TRAINED_ARCHIVE), new byte[size]);
        Files.setLastModifiedTime(archive, FileTime.from(built.plusSeconds(secondsAfterJar)));
        assertEquals(current, ServiceProcess.isCurrent(archive, jar));
    }

    @Test
    void withoutAnArchiveTheServiceRecordsOne() throws IOException {
        Path jar = Files.write(dir.resolve("quarkus-run.jar"), new byte[] { 1 });
        assertEquals(false, ServiceProcess.isCurrent(dir.resolve(ServiceProcess.TRAINED_ARCHIVE), jar));
    }
}
