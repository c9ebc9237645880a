package com.cspdesk.contracts;

import com.cspdesk.application.software.port.out.ProductKeyVault;
import com.cspdesk.domain.catalog.SoftwareVersion;
import com.cspdesk.domain.software.ProductKey;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link ProductKeyVault} must do: a key kept once per entitlement and version (the first
 * kept wins, also when two are kept at once) and read back as it was. How a key is sealed at rest is
 * each adapter's own test (the stored form never holds the key).
 */
public abstract class ProductKeyVaultContract extends PortContract {

    protected static final ProductKey KEY = ProductKey.parse("BCDFG-HJKMP-QRTVW-XY234-6789B");
    private static final ProductKey OTHER = ProductKey.parse("QRTVW-XY234-6789B-BCDFG-HJKMP");

    @Test
    void aKeyIsKeptAndReadBackForItsEntitlementAndVersionOnly() {
        String entitlement = UUID.randomUUID().toString();
        assertThat(port(ProductKeyVault.class).hasAny(entitlement)).isFalse();

        assertThat(port(ProductKeyVault.class).keep(entitlement, SoftwareVersion.of("2019"), KEY)).isTrue();

        assertThat(port(ProductKeyVault.class).find(entitlement, SoftwareVersion.of("2019"))).contains(KEY);
        assertThat(port(ProductKeyVault.class).hasAny(entitlement)).isTrue();
        assertThat(port(ProductKeyVault.class).find(entitlement, SoftwareVersion.of("2022"))).isEmpty();
        assertThat(port(ProductKeyVault.class).find(UUID.randomUUID().toString(), SoftwareVersion.of("2019"))).isEmpty();
        assertThat(port(ProductKeyVault.class).hasAny(UUID.randomUUID().toString())).isFalse();
    }

    @Test
    void theFirstKeyKeptWins() {
        String entitlement = UUID.randomUUID().toString();
        assertThat(port(ProductKeyVault.class).keep(entitlement, SoftwareVersion.of("2022"), KEY)).isTrue();
        assertThat(port(ProductKeyVault.class).keep(entitlement, SoftwareVersion.of("2022"), OTHER)).isFalse();
        assertThat(port(ProductKeyVault.class).find(entitlement, SoftwareVersion.of("2022"))).contains(KEY);
        // Another version of the same entitlement has a key of its own.
        assertThat(port(ProductKeyVault.class).keep(entitlement, SoftwareVersion.of("2019"), OTHER)).isTrue();
        assertThat(port(ProductKeyVault.class).find(entitlement, SoftwareVersion.of("2019"))).contains(OTHER);
    }

    @Test
    void ofTwoKeysKeptAtOnceForOneEntitlementAndVersionExactlyOneIsKept() throws Exception {
        String entitlement = UUID.randomUUID().toString();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Boolean>> keeps = List.of(
                    () -> { start.await(); return port(ProductKeyVault.class).keep(entitlement,
                            SoftwareVersion.of("2022"), KEY); },
                    () -> { start.await(); return port(ProductKeyVault.class).keep(entitlement,
                            SoftwareVersion.of("2022"), OTHER); });
            List<Future<Boolean>> kept = keeps.stream().map(pool::submit).toList();
            start.countDown();
            boolean first = kept.get(0).get(60, TimeUnit.SECONDS);
            boolean second = kept.get(1).get(60, TimeUnit.SECONDS);

            assertThat(first ^ second).as("exactly one keep wins").isTrue();
            assertThat(port(ProductKeyVault.class).find(entitlement, SoftwareVersion.of("2022"))).contains(first ? KEY : OTHER);
        } finally {
            pool.shutdownNow();
        }
    }
}
