package com.cspdesk.domain.cancellation;

import com.cspdesk.domain.catalog.ContractType;
import com.cspdesk.domain.catalog.ProductKind;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Spec "Cancel a purchase": how long after the purchase instant each product kind may be cancelled (60 days by default).
 *
 * <p>A window is an exact duration in UTC instants (60 days = 60 × 24 hours), configurable per product kind.
 * SUSE and Red Hat software plans have no window: they are never cancellable.
 */
public final class CancellationWindows {

    /** The spec's window: "within 60 days of the purchase date". */
    public static final Duration SPEC_WINDOW = Duration.ofDays(60);

    private final Map<ProductKind, Duration> windows;

    public CancellationWindows(Map<ProductKind, Duration> windows) {
        Map<ProductKind, Duration> copy = new EnumMap<>(ProductKind.class);
        Objects.requireNonNull(windows, "windows").forEach((kind, window) -> {
            if (kind.isLinuxSoftwarePlan()) {
                throw new IllegalArgumentException(kind + " is never cancellable and has no window");
            }
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("a window is positive: " + kind + " " + window);
            }
            copy.put(kind, window);
        });
        for (ProductKind kind : ProductKind.values()) {
            if (!kind.isLinuxSoftwarePlan() && !copy.containsKey(kind)) {
                throw new IllegalArgumentException("no cancellation window for " + kind);
            }
        }
        this.windows = Collections.unmodifiableMap(copy);
    }

    /** 60 days for every cancellable kind, as the spec says. */
    public static CancellationWindows asInSpec() {
        Map<ProductKind, Duration> windows = new EnumMap<>(ProductKind.class);
        for (ProductKind kind : ProductKind.values()) {
            if (!kind.isLinuxSoftwarePlan()) {
                windows.put(kind, SPEC_WINDOW);
            }
        }
        return new CancellationWindows(windows);
    }

    /**
     * Microsoft's newer commerce rules (anchor facts, not the spec): perpetual software 30 days, software
     * subscriptions 7 days. Azure reservations keep the spec's 60 days: those rules name no reservation window.
     */
    public static CancellationWindows newerMicrosoftRules() {
        return asInSpec()
                .withWindow(ContractType.PERPETUAL, Duration.ofDays(30))
                .withWindow(ContractType.SUBSCRIPTION, Duration.ofDays(7));
    }

    /** The window of a kind; empty for software plans, which are never cancellable. */
    public Optional<Duration> windowFor(ProductKind kind) {
        return Optional.ofNullable(windows.get(Objects.requireNonNull(kind, "kind")));
    }

    /** A copy with one kind's window replaced. */
    public CancellationWindows withWindow(ProductKind kind, Duration window) {
        Map<ProductKind, Duration> copy = new EnumMap<>(windows);
        copy.put(kind, window);
        return new CancellationWindows(copy);
    }

    /** A copy with the window of every kind of one contract type replaced. */
    public CancellationWindows withWindow(ContractType contractType, Duration window) {
        Map<ProductKind, Duration> copy = new EnumMap<>(windows);
        for (ProductKind kind : ProductKind.values()) {
            if (kind.contractType() == contractType) {
                copy.put(kind, window);
            }
        }
        return new CancellationWindows(copy);
    }
}
