package io.partnerhub.membership.web;

import java.util.UUID;

import io.partnerhub.chassis.problem.ResourceNotFound;
import io.partnerhub.chassis.security.Caller;
import io.partnerhub.chassis.security.Roles;

/** Who administers an organisation's records (activity log, performance figures): ops and its own partner-admin. */
public final class OrganizationAccess {

    private OrganizationAccess() {
    }

    /** The organisation id of the path, when the caller is ops or its partner-admin; 404 for anyone else. */
    public static UUID requireAdministrator(Caller caller, String id) {
        UUID organizationId = Ids.parse("organization", id);
        if (caller.isOps() || caller.hasRole(Roles.PARTNER_ADMIN)
                && caller.organizationId().filter(organizationId.toString()::equals).isPresent()) {
            return organizationId;
        }
        throw new ResourceNotFound("organization", organizationId.toString());
    }
}
