package com.cspdesk.bootstrap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which configuration the jar starts with: the memory environment only when asked for by name. */
class ApplicationTest {

    @Test
    void cspdeskPersistenceMemoryChoosesTheMemoryEnvironmentWhateverItsCase() {
        String before = System.getProperty("cspdesk.persistence");
        try {
            System.setProperty("cspdesk.persistence", " Memory ");
            assertThat(Application.onMemory()).isTrue();
            System.setProperty("cspdesk.persistence", "jdbc");
            assertThat(Application.onMemory()).isFalse();
        } finally {
            if (before == null) {
                System.clearProperty("cspdesk.persistence");
            } else {
                System.setProperty("cspdesk.persistence", before);
            }
        }
    }
}
