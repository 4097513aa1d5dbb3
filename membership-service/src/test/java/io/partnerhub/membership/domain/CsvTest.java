package io.partnerhub.membership.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void readsPlainAndQuotedFieldsWithCrLfOrLf() {
        List<Csv.Record> records = Csv.parse("name,email,role\r\n\"Hopper, Grace\",g@x.io,ADMIN\n\"Say \"\"hi\"\"\",h@x.io,EMPLOYEE");
        assertEquals(3, records.size());
        assertEquals(List.of("Hopper, Grace", "g@x.io", "ADMIN"), records.get(1).fields());
        assertEquals(List.of("Say \"hi\"", "h@x.io", "EMPLOYEE"), records.get(2).fields());
        assertEquals(3, records.get(2).line());
    }

    @Test
    void keepsLineBreaksInsideQuotesAndSkipsEmptyLinesAndTheByteOrderMark() {
        List<Csv.Record> records = Csv.parse("\uFEFFa,b\n\n\"x\ny\",z\n");
        assertEquals(2, records.size());
        assertEquals(List.of("a", "b"), records.get(0).fields());
        assertEquals(List.of("x\ny", "z"), records.get(1).fields());
    }

    @Test
    void keepsEmptyFields() {
        assertEquals(List.of("", "", ""), Csv.parse(",,").get(0).fields());
    }

    @Test
    void refusesAnUnclosedQuoteOrStrayQuotes() {
        assertThrows(IllegalArgumentException.class, () -> Csv.parse("a,b\n\"open,c"));
        assertThrows(IllegalArgumentException.class, () -> Csv.parse("a\"b,c"));
        assertThrows(IllegalArgumentException.class, () -> Csv.parse("\"a\"b,c"));
    }
}
