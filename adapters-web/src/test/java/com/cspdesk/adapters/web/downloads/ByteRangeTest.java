package com.cspdesk.adapters.web.downloads;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ByteRangeTest {

    private static final long SIZE = 1000;

    @Test
    void noHeaderIsTheWholeFile() {
        assertThat(ByteRange.of(null, SIZE)).isEqualTo(new ByteRange.Whole());
        assertThat(ByteRange.of("  ", SIZE)).isEqualTo(new ByteRange.Whole());
    }

    @Test
    void aClosedRangeIsThosePartsInclusive() {
        assertThat(ByteRange.of("bytes=0-99", SIZE)).isEqualTo(new ByteRange.Part(0, 99));
        assertThat(ByteRange.of("bytes=100-100", SIZE)).isEqualTo(new ByteRange.Part(100, 100));
        assertThat(((ByteRange.Part) ByteRange.of("bytes=0-99", SIZE)).length()).isEqualTo(100);
    }

    @Test
    void anOpenRangeRunsToTheEnd() {
        assertThat(ByteRange.of("bytes=100-", SIZE)).isEqualTo(new ByteRange.Part(100, 999));
        assertThat(ByteRange.of("bytes=999-", SIZE)).isEqualTo(new ByteRange.Part(999, 999));
    }

    @Test
    void aLastByteBeyondTheEndIsCutToTheEnd() {
        assertThat(ByteRange.of("bytes=900-5000", SIZE)).isEqualTo(new ByteRange.Part(900, 999));
    }

    @Test
    void aSuffixRangeIsTheLastBytes() {
        assertThat(ByteRange.of("bytes=-100", SIZE)).isEqualTo(new ByteRange.Part(900, 999));
        assertThat(ByteRange.of("bytes=-5000", SIZE)).isEqualTo(new ByteRange.Part(0, 999));
    }

    @Test
    void unitAndSpacesAreReadLeniently() {
        assertThat(ByteRange.of("Bytes = 10-19", SIZE)).isEqualTo(new ByteRange.Part(10, 19));
        assertThat(ByteRange.of("bytes=10-19, ", SIZE)).isEqualTo(new ByteRange.Part(10, 19));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=1000-", "bytes=1000-2000", "bytes=5000-", "bytes=-0"})
    void aRangeOutsideTheFileIsUnsatisfiable(String header) {
        assertThat(ByteRange.of(header, SIZE)).isEqualTo(new ByteRange.Unsatisfiable());
    }

    @Test
    void nothingOfAnEmptyFileCanBeAskedFor() {
        assertThat(ByteRange.of("bytes=0-", 0)).isEqualTo(new ByteRange.Unsatisfiable());
        assertThat(ByteRange.of("bytes=-10", 0)).isEqualTo(new ByteRange.Unsatisfiable());
    }

    @Test
    void severalRangesAreIgnoredAndTheWholeFileIsSent() {
        assertThat(ByteRange.of("bytes=0-9,20-29", SIZE)).isEqualTo(new ByteRange.Whole());
        assertThat(ByteRange.of("bytes=0-9, -5", SIZE)).isEqualTo(new ByteRange.Whole());
    }

    @ParameterizedTest
    @ValueSource(strings = {"items=0-9", "bytes", "bytes=", "bytes=abc", "bytes=9-0", "bytes=1-2-3", "bytes=--5",
            "bytes=-", "bytes= 5", "bytes=0x10-", "bytes=+5-", "bytes=-+5", "bytes=1 0-20",
            "bytes=99999999999999999999-", "bytes=0-99999999999999999999", "0-9"})
    void aHeaderThatCannotBeReadIsIgnored(String header) {
        assertThat(ByteRange.of(header, SIZE)).isEqualTo(new ByteRange.Whole());
    }
}
