package io.partnerhub.membership.domain;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

/**
 * RFC 4180 CSV read by jackson-dataformat-csv: fields separated by commas, records by CRLF, LF or CR; a field in double
 * quotes may hold commas, line breaks and doubled quotes ({@code ""}). A byte order mark at the start is skipped; empty
 * lines are skipped. Stricter than Jackson alone, as an upload must be: a quote inside an unquoted field and text after
 * a closing quote are refused. Lines are numbered from 1 by the line breaks outside quotes and the LFs inside them.
 */
public final class Csv {

    private static final CsvFactory FACTORY = CsvFactory.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

    private Csv() {
    }

    /** A record with the line it starts on (1-based). */
    public record Record(int line, List<String> fields) {
    }

    /** @throws IllegalArgumentException for a quote that is never closed or text after a closing quote */
    public static List<Record> parse(String text) {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Record> records = new ArrayList<>();
        Lines lines = new Lines(s);
        int read = 0; // where the last field read ends
        int line = -1; // where the record being read starts, once known
        try (CsvParser parser = (CsvParser) FACTORY.createParser(s)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return records;
            }
            while (parser.nextToken() == JsonToken.START_ARRAY) {
                List<String> fields = new ArrayList<>();
                line = -1;
                boolean quotedField = false;
                while (parser.nextToken() == JsonToken.VALUE_STRING) {
                    JsonLocation at = parser.currentTokenLocation();
                    String value = parser.getText();
                    int offset = (int) at.getCharOffset();
                    boolean quoted = offset < s.length() && s.charAt(offset) == '"';
                    if (line < 0) {
                        line = lines.at(Math.max(offset, read));
                    }
                    if (quoted) {
                        int end = offset + 2 + value.length() + (int) value.chars().filter(c -> c == '"').count();
                        lines.quoted(offset, end);
                        if (end < s.length() && ",\r\n".indexOf(s.charAt(end)) < 0) {
                            throw new IllegalArgumentException("CSV line " + lines.at(end) + ": text after a closing quote");
                        }
                        read = end;
                    } else if (value.indexOf('"') >= 0) {
                        throw new IllegalArgumentException("CSV line " + lines.at(offset) + ": a quote inside an unquoted field");
                    } else {
                        read = Math.max(read, offset + value.length());
                    }
                    quotedField |= quoted;
                    fields.add(value);
                }
                if (fields.size() == 1 && fields.get(0).isEmpty() && !quotedField) {
                    continue; // an empty line
                }
                records.add(new Record(line, List.copyOf(fields)));
            }
        } catch (JsonProcessingException e) {
            throw refusal(s, lines, read, line, e);
        } catch (IOException e) {
            throw new IllegalStateException(e); // reading a String
        }
        return records;
    }

    /** Jackson's own refusals (a quote never closed, text after a closing quote) in the words and lines above. */
    private static IllegalArgumentException refusal(String s, Lines lines, int read, int recordLine,
            JsonProcessingException e) {
        int open = s.indexOf('"', read); // the quoted field Jackson was reading
        String message = e.getOriginalMessage();
        if (message.startsWith("Missing closing quote")) {
            if (recordLine > 0) {
                return new IllegalArgumentException("CSV line " + recordLine + ": a quoted field is never closed");
            }
            int start = read;
            while (start < open && (s.charAt(start) == '\r' || s.charAt(start) == '\n')) {
                start++;
            }
            return new IllegalArgumentException("CSV line " + lines.at(start) + ": a quoted field is never closed");
        }
        int at = e.getLocation() == null ? s.length() : (int) e.getLocation().getCharOffset();
        if (open >= 0 && open < at) {
            lines.quoted(open, s.lastIndexOf('"', at - 1) + 1);
        }
        if (message.startsWith("Unexpected character")) {
            return new IllegalArgumentException("CSV line " + lines.at(at) + ": text after a closing quote");
        }
        return new IllegalArgumentException("CSV line " + lines.at(at) + ": " + message);
    }

    /** Line numbers of character offsets, asked in increasing order; inside a quoted field only an LF starts a line. */
    private static final class Lines {
        private final String s;
        private int position;
        private int line = 1;
        private int quotedFrom = -1;
        private int quotedTo = -1;

        Lines(String s) {
            this.s = s;
        }

        void quoted(int from, int to) {
            at(from); // count up to here under the previous quoted field's rule
            quotedFrom = from;
            quotedTo = to;
        }

        int at(int offset) {
            for (; position < offset && position < s.length(); position++) {
                char c = s.charAt(position);
                boolean inQuotes = position >= quotedFrom && position < quotedTo;
                if (c == '\n' || (!inQuotes && c == '\r' && (position + 1 >= s.length() || s.charAt(position + 1) != '\n'))) {
                    line++;
                }
            }
            return line;
        }
    }
}
