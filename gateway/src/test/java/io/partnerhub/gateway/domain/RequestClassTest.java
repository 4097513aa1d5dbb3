package io.partnerhub.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestClassTest {

    @ParameterizedTest(name = "{0} {1} spends the {2} budget")
    @CsvSource({
            "GET,     /exams/AZ-104,        READ",
            "HEAD,    /exams,               READ",
            "OPTIONS, /exams,               READ",
            "get,     /exam-results,        READ",
            "POST,    /exam-results,        RESULT",
            "POST,    /exam-results/,       RESULT",
            "POST,    /exam-registrations,  WRITE",
            "PUT,     /exam-results,        WRITE",
            "POST,    /exam-results/r-1/x,  WRITE",
            "PATCH,   /organizations/o-1,   WRITE",
            "DELETE,  /exams/AZ-104,        WRITE",
            "GET,     /partner-directory,   DIRECTORY",
            "GET,     /partner-directory/o-1, DIRECTORY",
            "HEAD,    /partner-directory/,  DIRECTORY",
            "GET,     /partner-directoryx,  READ",
            "PUT,     /partner-directory,   WRITE",
            "GET,     /organizations/o-1/directory-listing, READ",
    })
    void classifiesRequestsIntoBudgets(String method, String path, RequestClass expected) {
        assertEquals(expected, RequestClass.of(method, path));
    }
}
