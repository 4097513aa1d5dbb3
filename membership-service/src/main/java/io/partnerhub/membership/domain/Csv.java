package io.partnerhub.membership.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader: fields separated by commas, records by CRLF or LF; a field in double quotes may hold commas,
 * line breaks and doubled quotes ({@code ""}). A byte order mark at the start is skipped; empty lines are skipped.
 */
public final class Csv {

    private Csv() {
    }

    /** A record with the line it starts on (1-based). */
    public record Record(int line, List<String> fields) {
    }

    /** @throws IllegalArgumentException for a quote that is never closed or text after a closing quote */
    public static List<Record> parse(String text) {
        List<Record> records = new ArrayList<>();
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        boolean quoted = false;
        boolean afterQuote = false;
        boolean fieldStarted = false;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                    afterQuote = true;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                i++;
                continue;
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
                fieldStarted = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                endRecord(records, fields, field, recordLine, fieldStarted);
                fields = new ArrayList<>();
                afterQuote = false;
                fieldStarted = false;
                line++;
                recordLine = line;
            } else if (c == '"') {
                if (field.length() > 0 || afterQuote) {
                    throw new IllegalArgumentException("CSV line " + line + ": a quote inside an unquoted field");
                }
                quoted = true;
                fieldStarted = true;
            } else {
                if (afterQuote) {
                    throw new IllegalArgumentException("CSV line " + line + ": text after a closing quote");
                }
                field.append(c);
                fieldStarted = true;
            }
            i++;
        }
        if (quoted) {
            throw new IllegalArgumentException("CSV line " + recordLine + ": a quoted field is never closed");
        }
        endRecord(records, fields, field, recordLine, fieldStarted);
        return records;
    }

    private static void endRecord(List<Record> records, List<String> fields, StringBuilder field, int line,
            boolean fieldStarted) {
        if (!fieldStarted && fields.isEmpty() && field.length() == 0) {
            return; // an empty line
        }
        fields.add(field.toString());
        field.setLength(0);
        records.add(new Record(line, List.copyOf(fields)));
    }
}
