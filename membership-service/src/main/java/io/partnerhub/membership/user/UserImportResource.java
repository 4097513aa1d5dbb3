package io.partnerhub.membership.user;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import io.partnerhub.chassis.problem.InvalidRequest;
import io.partnerhub.chassis.security.Caller;
import io.partnerhub.chassis.security.Roles;
import io.partnerhub.membership.domain.Csv;
import io.partnerhub.membership.domain.NewUser;
import io.partnerhub.membership.user.UserViews.ImportReport;
import io.partnerhub.membership.web.Examples;
import io.partnerhub.membership.web.Ids;

/**
 * M2 bulk import of up to 1,000 user accounts, as a JSON array of {name, email, role} or as CSV with a header line
 * naming the columns name, email and role (any order, any case). Answered with a per-row report. Other columns or
 * fields (a candidateId among them) are ignored, never stored: a candidate id is associated only by its holder.
 */
@Path("/organizations/{id}/user-imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
@SecurityRequirement(name = "jwt")
public class UserImportResource {

    public static final String CSV = "text/csv";
    private static final List<String> COLUMNS = List.of("name", "email", "role");

    private final UserImportService service;
    private final Caller caller;

    public UserImportResource(UserImportService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.OPS, Roles.PARTNER_ADMIN })
    @Operation(summary = "Import user accounts from a JSON array (at most 1,000 rows)",
            description = "Every row is validated on its own: a valid new row is stored (CREATED), an e-mail address the "
                    + "organisation already has (or an earlier row of the upload) is EXISTS with that account's id, an "
                    + "invalid row is INVALID with the reason and stores nothing. Rows are numbered from 1.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "two rows", value = Examples.IMPORT_JSON)))
    @APIResponse(responseCode = "200", description = "The per-row report",
            content = @Content(schema = @Schema(implementation = ImportReport.class), examples = @ExampleObject(name = "report", value = Examples.IMPORT_REPORT)))
    @APIResponse(responseCode = "400", description = "Not a JSON array, or malformed JSON",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "malformed", value = Examples.IMPORT_NOT_ARRAY)))
    @APIResponse(responseCode = "413", description = "More than 1,000 rows (or a body over 256 KiB)",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "too many", value = Examples.TOO_MANY_ROWS)))
    public ImportReport importJson(@PathParam("id") @Size(max = Ids.MAX) String id, @NotNull JsonNode body) {
        UUID organizationId = organization(id);
        if (!body.isArray()) {
            throw new InvalidRequest("A JSON import is an array of {name, email, role} objects");
        }
        if (body.size() > UserImportService.MAX_IMPORT_ROWS) {
            throw UserImportService.tooManyRows(body.size());
        }
        List<UploadRow> rows = new ArrayList<>();
        for (JsonNode element : body) {
            rows.add(element.isObject() ? UploadRow.of(text(element, "name"), text(element, "email"), text(element, "role"))
                    : UploadRow.unreadable("row: must be an object {name, email, role}"));
        }
        return new ImportReport(service.importUsers(organizationId, rows));
    }

    @POST
    @Consumes(CSV)
    @RolesAllowed({ Roles.OPS, Roles.PARTNER_ADMIN })
    @Operation(summary = "Import user accounts from CSV (a header line, then at most 1,000 rows)",
            description = "RFC 4180 CSV: a header line naming the columns name, email and role (any order), then one "
                    + "account per line. Reported per row like the JSON import; a line with the wrong number of fields "
                    + "is INVALID.")
    @RequestBody(content = @Content(mediaType = CSV, examples = @ExampleObject(name = "two rows", value = Examples.IMPORT_CSV)))
    @APIResponse(responseCode = "200", description = "The per-row report",
            content = @Content(schema = @Schema(implementation = ImportReport.class), examples = @ExampleObject(name = "report", value = Examples.IMPORT_REPORT)))
    @APIResponse(responseCode = "400", description = "Malformed CSV (an unclosed quote) or a header without name, email and role",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "malformed", value = Examples.IMPORT_BAD_CSV)))
    @APIResponse(responseCode = "413", description = "More than 1,000 rows (or a body over 256 KiB)",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "too many", value = Examples.TOO_MANY_ROWS)))
    public ImportReport importCsv(@PathParam("id") @Size(max = Ids.MAX) String id, String body) {
        UUID organizationId = organization(id);
        List<Csv.Record> records;
        try {
            records = Csv.parse(body == null ? "" : body);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(e.getMessage());
        }
        if (records.isEmpty()) {
            throw new InvalidRequest("A CSV import starts with a header line: name,email,role");
        }
        List<String> header = records.get(0).fields().stream().map(f -> f.trim().toLowerCase(Locale.ROOT)).toList();
        int[] column = new int[COLUMNS.size()];
        for (int c = 0; c < COLUMNS.size(); c++) {
            column[c] = header.indexOf(COLUMNS.get(c));
            if (column[c] < 0) {
                throw new InvalidRequest("The CSV header line must name the columns name, email and role, not " + header);
            }
        }
        int dataRows = records.size() - 1;
        if (dataRows > UserImportService.MAX_IMPORT_ROWS) {
            throw UserImportService.tooManyRows(dataRows);
        }
        List<UploadRow> rows = records.subList(1, records.size()).stream().map(record -> row(record, header.size(), column))
                .toList();
        return new ImportReport(service.importUsers(organizationId, rows));
    }

    private static UploadRow row(Csv.Record record, int columns, int[] column) {
        int controlled = controlCharacterField(record.fields());
        if (controlled >= 0) { // any cell, read or not: PostgreSQL refuses U+0000, and none belongs in a user row
            return UploadRow.unreadable("line " + record.line() + ": field " + (controlled + 1) + " contains a control character");
        }
        if (record.fields().size() != columns) {
            return UploadRow.unreadable("line " + record.line() + ": " + record.fields().size() + " fields, the header has "
                    + columns);
        }
        return UploadRow.of(record.fields().get(column[0]), record.fields().get(column[1]), record.fields().get(column[2]));
    }

    private static int controlCharacterField(List<String> fields) {
        for (int f = 0; f < fields.size(); f++) {
            if (NewUser.hasControlCharacter(fields.get(f))) {
                return f;
            }
        }
        return -1;
    }

    private static String text(JsonNode row, String field) {
        JsonNode value = row.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }

    private UUID organization(String id) {
        UUID organizationId = Ids.parse("organization", id);
        caller.requireOrganization(organizationId.toString());
        return organizationId;
    }
}
