package com.cspdesk.application;

import com.cspdesk.application.shared.port.out.Transactions;

import java.util.function.Supplier;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;

/** A mocked {@link Transactions} that runs each unit of work in line (and can be verified like any mock). */
public final class InlineTransactions {

    private InlineTransactions() {
    }

    public static Transactions mocked() {
        Transactions transactions = mock(Transactions.class);
        lenient().when(transactions.inTransaction(any())).thenAnswer(call -> ((Supplier<?>) call.getArgument(0)).get());
        return transactions;
    }
}
