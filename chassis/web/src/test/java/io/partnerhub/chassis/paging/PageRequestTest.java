package io.partnerhub.chassis.paging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageRequestTest {

    @Test
    void defaultsToTheFirstPageOfTwenty() {
        PageRequest paging = new PageRequest();
        assertThat(paging.page()).isZero();
        assertThat(paging.size()).isEqualTo(PageRequest.DEFAULT_SIZE);
        assertThat(paging.offset()).isZero();
        assertThat(paging.isValid()).isTrue();
    }

    @ParameterizedTest(name = "page {0}, size {1}: valid {2}")
    @CsvSource({
            "0, 1, true",
            "100000, 100, true",
            "100001, 20, false",
            "-1, 20, false",
            "0, 0, false",
            "0, -5, false",
            "9223372036854775807, 20, false",
            "0, 9223372036854775807, true" })
    void isValidAsTheBoundFieldsAre(long page, long size, boolean valid) {
        assertThat(PageRequest.of(page, size).isValid()).isEqualTo(valid);
    }

    @ParameterizedTest(name = "size {0} is served as {1}")
    @CsvSource({ "1, 1", "20, 20", "100, 100", "101, 100", "9223372036854775807, 100", "0, 1" })
    void capsTheSizeAtOneHundred(long asked, int served) {
        assertThat(PageRequest.of(0, asked).size()).isEqualTo(served);
    }

    @Test
    void computesTheOffsetWithoutOverflowAndItFitsAnIntAtTheCaps() {
        PageRequest last = PageRequest.of(PageRequest.MAX_PAGE, Long.MAX_VALUE);
        assertThat(last.offset()).isEqualTo((long) PageRequest.MAX_PAGE * PageRequest.MAX_SIZE);
        assertThat(last.firstResult()).isEqualTo(PageRequest.MAX_PAGE * PageRequest.MAX_SIZE);
        assertThat(PageRequest.of(3, 25).firstResult()).isEqualTo(75);
    }

    @Test
    void clampsAPageOutsideTheRangeWhenReadBeforeValidation() {
        assertThat(PageRequest.of(-4, 20).page()).isZero();
        assertThat(PageRequest.of(Long.MAX_VALUE, 20).page()).isEqualTo(PageRequest.MAX_PAGE);
    }

    @Test
    void saysWhatWasAsked() {
        assertThat(PageRequest.of(2, 500)).hasToString("page 2, size 500");
    }
}
