package io.partnerhub.competency.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue #25: issuing a level revokes the award's live credentials of other levels in the same statement. A higher level
 * supersedes the lower one, a repeated award issues nothing and revokes nothing, a lost level revokes only its own.
 */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class CredentialSupersedingTest {

    @Inject
    CredentialIssuer issuer;
    @Inject
    DataSource dataSource;

    @Test
    void aLevelIssuedSupersedesTheOtherLevelsOfTheAwardOnly() throws Exception {
        String org = UUID.randomUUID().toString();
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        change(org, "comp-a", "SILVER", true, t);
        change(org, "comp-b", "SILVER", true, t);
        assertEquals(Map.of("comp-a SILVER", "live", "comp-b SILVER", "live"), credentials(org));

        change(org, "comp-a", "GOLD", true, t.plusSeconds(1));
        assertEquals(Map.of("comp-a SILVER", "revoked " + t.plusSeconds(1), "comp-a GOLD", "live", "comp-b SILVER", "live"),
                credentials(org));

        change(org, "comp-a", "GOLD", true, t.plusSeconds(2)); // again: the live one stays, nothing else changes
        assertEquals(Map.of("comp-a SILVER", "revoked " + t.plusSeconds(1), "comp-a GOLD", "live", "comp-b SILVER", "live"),
                credentials(org));

        change(org, "comp-b", "SILVER", false, t.plusSeconds(3));
        assertEquals(Map.of("comp-a SILVER", "revoked " + t.plusSeconds(1), "comp-a GOLD", "live",
                "comp-b SILVER", "revoked " + t.plusSeconds(3)), credentials(org));
    }

    private void change(String org, String competency, String level, boolean held, Instant at) {
        QuarkusTransaction.requiringNew().run(() -> issuer.onAwardChanged(
                new AwardChanged(org, AwardChanged.Kind.COMPETENCY, competency, level, "Competency " + competency, held, at)));
    }

    /** "award level" → "live" or "revoked <when>". */
    private Map<String, String> credentials(String org) throws Exception {
        Map<String, String> found = new LinkedHashMap<>();
        try (var connection = dataSource.getConnection(); var query = connection.prepareStatement(
                "SELECT award_id, level, revoked_at FROM organization_credential WHERE organization_id = ? ORDER BY issued_at")) {
            query.setString(1, org);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    var revoked = rows.getTimestamp(3);
                    found.put(rows.getString(1) + " " + rows.getString(2), revoked == null ? "live" : "revoked " + revoked.toInstant());
                }
            }
        }
        return found;
    }
}
