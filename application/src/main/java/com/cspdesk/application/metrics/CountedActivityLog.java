package com.cspdesk.application.metrics;

import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.metrics.port.out.BusinessMetrics;
import com.cspdesk.application.metrics.port.out.BusinessMetrics.LockOut;
import com.cspdesk.application.metrics.port.out.BusinessMetrics.SignInFailure;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.domain.activity.ActivityCatalogue.Operation;
import com.cspdesk.domain.activity.ActivityCatalogue.Resource;
import com.cspdesk.domain.activity.ActivityEntry;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The business counters, kept where every change passes: the activity log, decorated (as
 * {@code OutboxedActivityLog} does for webhook events). Every act a counter is about already appends
 * its record in its own unit of work, so counting the record once that unit committed counts exactly
 * what happened: an order rolled back after its record was written is not counted, and no use case
 * has a call of its own to forget. Which record counts how is this class's table ({@link #counting}).
 */
public final class CountedActivityLog implements ActivityLog {

    private final ActivityLog records;
    private final BusinessMetrics metrics;
    private final Transactions transactions;

    public CountedActivityLog(ActivityLog records, BusinessMetrics metrics, Transactions transactions) {
        this.records = Objects.requireNonNull(records, "records");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public void append(ActivityEntry entry) {
        records.append(entry);
        counting(entry).ifPresent(transactions::afterCommit);
    }

    /** What the record counts, if anything: read from the record alone (its kind, status and details). */
    Optional<Runnable> counting(ActivityEntry entry) {
        Optional<Operation> operation = Operation.ofKind(entry.operationType());
        if (operation.isEmpty()) {
            return Optional.empty();
        }
        if (entry.operationStatus().equals(ActivityEntry.FAILED)) {
            return switch (operation.get()) {
                case SIGN_IN -> Optional.of(() -> metrics.signInFailed(signInFailure(entry)));
                case SIGN_IN_LOCKED_OUT -> Optional.of(() -> metrics.signInLockedOut(lockOut(entry)));
                default -> Optional.empty();
            };
        }
        return switch (operation.get()) {
            case CREATE_ORDER -> Optional.of(metrics::orderPlaced);
            case CANCEL_ORDER -> Optional.of(() -> metrics.orderCancelled(lines(entry)));
            case ISSUE_CREDIT -> Optional.of(metrics::creditNoteIssued);
            case GET_SOFTWARE_KEY -> Optional.of(metrics::productKeyFetched);
            case DOWNLOAD_SOFTWARE -> Optional.of(() -> metrics.downloadSent(entry.customizedData().containsKey("range"),
                    Long.parseLong(entry.customizedData().getOrDefault("bytes", "0"))));
            default -> Optional.empty();
        };
    }

    private static SignInFailure signInFailure(ActivityEntry entry) {
        if (entry.resourceType().equals(Resource.APPLICATION.kind())) {
            return SignInFailure.CLIENT_SECRET;
        }
        return "mfa".equals(entry.customizedData().get("detail")) ? SignInFailure.SECOND_FACTOR : SignInFailure.PASSWORD;
    }

    private static LockOut lockOut(ActivityEntry entry) {
        return entry.resourceType().equals(Resource.CLIENT_ADDRESS.kind()) ? LockOut.ADDRESS : LockOut.ACCOUNT;
    }

    /** The cancelled lines, as the record lists them ({@code lineItems}: "1,3"). */
    private static int lines(ActivityEntry entry) {
        String lines = entry.customizedData().getOrDefault("lineItems", "");
        return (int) Arrays.stream(lines.split(",")).filter(line -> !line.isBlank()).count();
    }
}
