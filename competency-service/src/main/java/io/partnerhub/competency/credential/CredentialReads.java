package io.partnerhub.competency.credential;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.partnerhub.chassis.problem.ResourceNotFound;
import io.partnerhub.competency.credential.CredentialViews.CredentialSummary;
import io.partnerhub.competency.credential.CredentialViews.LiveStatus;
import io.partnerhub.competency.credential.CredentialViews.OrganizationCredentials;

/** The public reads: an organisation's credentials with their live status, and one credential as issued. */
@ApplicationScoped
public class CredentialReads {

    private final CredentialStore store;
    private final CredentialDocuments documents;

    public CredentialReads(CredentialStore store, CredentialDocuments documents) {
        this.store = store;
        this.documents = documents;
    }

    /** 404 when the organisation is neither registered nor holds any credential. */
    @Transactional
    public OrganizationCredentials ofOrganization(String organizationId) {
        Optional<Object[]> organization = store.organization(organizationId);
        List<CredentialRow> rows = store.ofOrganization(organizationId);
        if (organization.isEmpty() && rows.isEmpty()) {
            throw new ResourceNotFound("organization", organizationId);
        }
        List<CredentialSummary> credentials = rows.stream().map(this::summary).toList();
        return new OrganizationCredentials(organizationId, organization.map(o -> (String) o[0]).orElse(null),
                organization.map(o -> (String) o[1]).orElse(null), documents.organizationUrl(organizationId), credentials);
    }

    CredentialSummary summary(CredentialRow row) {
        return new CredentialSummary(row.id().toString(), documents.credentialUrl(row), AwardChanged.Kind.valueOf(row.kind()),
                row.awardId(), row.levelOrNull(), CredentialDocuments.title(row), row.validFrom(),
                row.revoked() ? LiveStatus.REVOKED : LiveStatus.ACTIVE, row.revokedAt(),
                documents.statusListUrl(row.statusList()), row.statusIndex());
    }

    /** The credential's VC-JWT, signed at its first read (then always the same). */
    @Transactional
    public String jwt(String id) {
        CredentialRow row = row(id);
        if (row.jwt() != null) {
            return row.jwt();
        }
        store.storeJwt(row.id(), documents.signed(row));
        return store.byId(row.id()).map(CredentialRow::jwt).orElseThrow();
    }

    /** The credential unsigned (JSON-LD), as its VC-JWT carries it. */
    @Transactional
    public Map<String, Object> document(String id) {
        return documents.credential(row(id));
    }

    private CredentialRow row(String id) {
        UUID uuid = parse(id);
        return (uuid == null ? Optional.<CredentialRow>empty() : store.byId(uuid))
                .orElseThrow(() -> new ResourceNotFound("organization credential", id == null ? "" : id.substring(0, Math.min(id.length(), 64))));
    }

    /** Credential ids are UUIDs; anything else names none. */
    static UUID parse(String id) {
        try {
            if (id != null && id.length() == 36) {
                return UUID.fromString(id);
            }
        } catch (IllegalArgumentException e) {
            // falls through
        }
        return null;
    }
}
