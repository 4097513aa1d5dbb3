package io.partnerhub.membership.user;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.partnerhub.chassis.problem.DomainException;
import io.partnerhub.membership.activity.ActivityLog;
import io.partnerhub.membership.domain.ActivityKind;
import io.partnerhub.membership.domain.NewUser;
import io.partnerhub.membership.user.UserViews.ImportRow;
import io.partnerhub.membership.user.UserViews.RowStatus;
import io.quarkus.logging.Log;

/** M2 bulk import of user accounts: the per-row report of an upload already read into {@link UploadRow}s. */
@ApplicationScoped
public class UserImportService {

    public static final int MAX_IMPORT_ROWS = 1000;

    private final UserService accounts;
    private final UserRepository users;
    private final ActivityLog activity;

    public UserImportService(UserService accounts, UserRepository users, ActivityLog activity) {
        this.accounts = accounts;
        this.users = users;
        this.activity = activity;
    }

    /**
     * The per-row report of a bulk import. Every row is validated first; the valid new ones are stored together, an
     * invalid row stores nothing. An e-mail address already in the organisation (or earlier in the same upload) is
     * EXISTS with the account's id.
     */
    @Transactional
    public List<ImportRow> importUsers(UUID organizationId, List<UploadRow> rows) {
        accounts.requireOrganization(organizationId);
        if (rows.size() > MAX_IMPORT_ROWS) {
            throw tooManyRows(rows.size());
        }
        List<ImportRow> report = new ArrayList<>();
        Map<String, UUID> seen = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            int row = i + 1;
            UploadRow upload = rows.get(i);
            if (!upload.readable()) {
                report.add(new ImportRow(row, RowStatus.INVALID, null, upload.unreadable()));
                continue;
            }
            NewUser.Validated validated = NewUser.validate(upload.name(), upload.email(), upload.role());
            if (!validated.valid()) {
                report.add(new ImportRow(row, RowStatus.INVALID, null, validated.problem()));
                continue;
            }
            NewUser user = validated.user();
            UUID existing = seen.get(user.email());
            if (existing == null) {
                existing = users.findByEmail(organizationId, user.email()).map(u -> u.id).orElse(null);
            }
            if (existing != null) {
                report.add(new ImportRow(row, RowStatus.EXISTS, existing, null));
                seen.put(user.email(), existing);
                continue;
            }
            UserAccount account = accounts.insert(organizationId, user);
            seen.put(user.email(), account.id);
            report.add(new ImportRow(row, RowStatus.CREATED, account.id, null));
        }
        users.flush();
        long created = report.stream().filter(r -> r.status() == RowStatus.CREATED).count();
        long exists = report.stream().filter(r -> r.status() == RowStatus.EXISTS).count();
        activity.record(organizationId, ActivityKind.USERS_IMPORTED, "Imported " + rows.size() + " rows: " + created
                + " created, " + exists + " existing, " + (rows.size() - created - exists) + " invalid",
                "rows", rows.size(), "created", created, "exists", exists, "invalid", rows.size() - created - exists);
        Log.infof("User import into organization %s: %d rows, %d created", organizationId, rows.size(), created);
        return report;
    }

    public static DomainException tooManyRows(int rows) {
        return new DomainException(413, "too-many-rows", "Too many rows",
                "An import holds at most " + MAX_IMPORT_ROWS + " rows, this one " + rows)
                .with("maxRows", MAX_IMPORT_ROWS);
    }
}
