package io.partnerhub.chassis.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * U+0000 in a JSON string of a request body. A {@link JsonMappingException}, so that Jackson adds the path of the field
 * as it unwinds (the problem names it); {@code ProblemMappers} answers 400 {@code invalid-character}.
 */
public class InvalidCharacterInJson extends JsonMappingException {

    private static final long serialVersionUID = 1L;

    public InvalidCharacterInJson(JsonParser parser, String what) {
        super(parser, what + " contains the character U+0000, which is not accepted");
    }
}
