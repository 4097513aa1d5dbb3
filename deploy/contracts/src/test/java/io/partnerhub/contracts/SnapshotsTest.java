package io.partnerhub.contracts;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** No change breaks a client built on the last release unless its snapshot was updated with a changelog line. */
class SnapshotsTest {

    static final List<String> OPENAPI = PublishedDocuments.OPENAPI;

    private static final PublishedDocuments DOCUMENTS = PublishedDocuments.ofThisBuild();
    private static final Path SNAPSHOTS = DOCUMENTS.root().resolve("deploy/contracts/snapshots");

    @ParameterizedTest
    @FieldSource("OPENAPI")
    void noBreakingChangeSinceTheSnapshot(String module) {
        List<String> changes = BreakingChanges.between(Trees.text(snapshot(module)), Trees.text(DOCUMENTS.openApi(module)));
        Reports.assertNone(module + "'s API breaks clients of the last release (deploy/contracts/snapshots/"
                + module + ".openapi.json). If that is on purpose, copy " + module + "/target/openapi/openapi.json over"
                + " the snapshot and add a line to deploy/contracts/snapshots/CHANGELOG.md (how: its head). Changes",
                changes);
    }

    @ParameterizedTest
    @FieldSource("OPENAPI")
    void everySnapshotHasItsChangelogLine(String module) {
        String line = "- " + module + " " + fingerprint(snapshot(module));
        assertTrue(Trees.text(SNAPSHOTS.resolve("CHANGELOG.md")).lines().anyMatch(l -> l.startsWith(line)),
                () -> "deploy/contracts/snapshots/CHANGELOG.md has no line starting with \"" + line
                        + "\": a snapshot is updated together with a line saying what changed for clients");
    }

    private static Path snapshot(String module) {
        return SNAPSHOTS.resolve(module + ".openapi.json");
    }

    /** The first 12 hex digits of the file's SHA-256, as sha256sum prints them. */
    static String fingerprint(Path file) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(Trees.text(file).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
