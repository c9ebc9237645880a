package com.cspdesk.adapters.web.downloads;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class EntityTagsTest {

    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String ETAG = EntityTags.of(SHA);

    @Test
    void theTagIsTheQuotedSha256() {
        assertThat(ETAG).isEqualTo("\"" + SHA + "\"");
    }

    @Test
    void ifNoneMatchComparesWeakly() {
        assertThat(EntityTags.noneMatchHits(ETAG, ETAG)).isTrue();
        assertThat(EntityTags.noneMatchHits("W/" + ETAG, ETAG)).isTrue();
        assertThat(EntityTags.noneMatchHits("\"other\", " + ETAG, ETAG)).isTrue();
        assertThat(EntityTags.noneMatchHits("*", ETAG)).isTrue();
        assertThat(EntityTags.noneMatchHits("\"other\"", ETAG)).isFalse();
        assertThat(EntityTags.noneMatchHits(SHA, ETAG)).as("unquoted is not the tag").isFalse();
        assertThat(EntityTags.noneMatchHits(null, ETAG)).isFalse();
        assertThat(EntityTags.noneMatchHits("", ETAG)).isFalse();
    }

    @Test
    void ifRangeKeepsTheRangeOnlyForOurStrongTag() {
        assertThat(EntityTags.rangeStillValid(null, ETAG)).isTrue();
        assertThat(EntityTags.rangeStillValid(ETAG, ETAG)).isTrue();
        assertThat(EntityTags.rangeStillValid("W/" + ETAG, ETAG)).isFalse();
        assertThat(EntityTags.rangeStillValid("\"other\"", ETAG)).isFalse();
        assertThat(EntityTags.rangeStillValid("Wed, 21 Oct 2026 07:28:00 GMT", ETAG)).isFalse();
    }

    @Test
    void aWeakTagIsTheFirst128BitsOfTheBytesSha256() {
        // SHA-256("test") starts 9f86d081884c7d659a2feaa0c55ad015.
        assertThat(EntityTags.weakOf("test".getBytes(StandardCharsets.UTF_8))).isEqualTo("W/\"9f86d081884c7d659a2feaa0c55ad015\"");
        assertThat(EntityTags.weakOf("{\"a\":1}".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(EntityTags.weakOf("{\"a\":2}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aWeakTagMatchesWhetherTheClientSendsItWeakOrStrong() {
        String weak = EntityTags.weakOf("test".getBytes(StandardCharsets.UTF_8));
        assertThat(EntityTags.noneMatchHits(weak, weak)).isTrue();
        assertThat(EntityTags.noneMatchHits(weak.substring(2), weak)).isTrue();
        assertThat(EntityTags.noneMatchHits("W/\"0000\", " + weak, weak)).isTrue();
        assertThat(EntityTags.noneMatchHits("W/\"0000\"", weak)).isFalse();
    }
}
