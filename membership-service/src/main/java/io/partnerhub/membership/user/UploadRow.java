package io.partnerhub.membership.user;

/**
 * One row of a bulk import as read from the upload (JSON or CSV): the name, e-mail and role as sent (validated by the
 * import), or, for a row that could not be read, why ({@code unreadable}).
 */
public record UploadRow(String name, String email, String role, String unreadable) {

    public static UploadRow of(String name, String email, String role) {
        return new UploadRow(name, email, role, null);
    }

    public static UploadRow unreadable(String problem) {
        return new UploadRow(null, null, null, problem);
    }

    public boolean readable() {
        return unreadable == null;
    }
}
