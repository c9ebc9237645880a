package com.cspdesk.adapters.memory.keys;

import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.adapters.memory.testing.MemoryAdapters;
import com.cspdesk.application.shared.port.out.SecretSealing;
import com.cspdesk.contracts.ProductKeyVaultContract;
import com.cspdesk.domain.catalog.SoftwareVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(MemoryAdapters.class)
class ProductKeyVaultOnMemoryTest extends ProductKeyVaultContract {

    /** The vault keeps only the sealed form: what it gives back it opens, and a sealing that will not open gives nothing. */
    @Test
    void aKeyIsKeptOnlySealedAndOpenedUnderItsOwnEntitlementAndVersion() {
        List<String> sealedContexts = new ArrayList<>();
        SecretSealing refusesToOpen = new SecretSealing() {
            @Override
            public String seal(String clearText, String context) {
                sealedContexts.add(context);
                return "sealed-" + sealedContexts.size();
            }

            @Override
            public String open(String sealed, String context) {
                throw new IllegalStateException("does not open under " + context);
            }
        };
        MemoryProductKeyVault vault = new MemoryProductKeyVault(port(MemoryTransactions.class), refusesToOpen);

        assertThat(vault.keep("11111111-0000-4000-8000-000000000001", SoftwareVersion.of("2019"), KEY)).isTrue();

        assertThat(sealedContexts).containsExactly("product-key:11111111-0000-4000-8000-000000000001:2019");
        assertThatThrownBy(() -> vault.find("11111111-0000-4000-8000-000000000001", SoftwareVersion.of("2019")))
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining(KEY.revealClearText());
        assertThat(vault.hasAny("11111111-0000-4000-8000-000000000001")).isTrue();
    }
}
