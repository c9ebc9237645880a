package com.cspdesk.adapters.memory;

import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemoryTransactionsTest {

    private final MemoryTransactions transactions = new MemoryTransactions();

    @Test
    void a_unit_that_throws_is_undone_newest_first_including_what_nested_units_changed() {
        List<String> kept = new ArrayList<>();
        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            transactions.change(() -> kept.add("a"), () -> kept.remove("a"));
            transactions.inTransaction(() -> transactions.change(() -> kept.add("b"), () -> kept.remove("b")));
            assertThat(kept).containsExactly("a", "b");
            throw new IllegalStateException("fails");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(kept).isEmpty();
    }

    @Test
    void a_unit_that_completes_keeps_its_changes() {
        List<String> kept = new ArrayList<>();
        transactions.inTransaction(() -> transactions.change(() -> kept.add("a"), () -> kept.remove("a")));
        assertThat(kept).containsExactly("a");
        assertThat(transactions.inUnitOfWork()).isFalse();
    }
}
