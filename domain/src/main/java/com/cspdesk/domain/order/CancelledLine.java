package com.cspdesk.domain.order;

import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.catalog.TermDuration;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.money.PriceQuote;
import com.cspdesk.domain.software.DownloadLink;
import com.cspdesk.domain.software.ProductKey;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Spec "Post-cancellation details": a cancelled line still appears, with what it was charged and credited,
 * but its key and download links are gone and its quantity is 0. {@code boughtQuantity} keeps the record.
 */
public record CancelledLine(
        int lineItemNumber,
        OfferId offerId,
        ProductKind kind,
        TermDuration term,
        int boughtQuantity,
        Money unitPrice,
        PriceQuote charged,
        PriceQuote credited,
        Instant cancelledAt) implements OrderLine {

    public CancelledLine {
        Objects.requireNonNull(offerId, "offerId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(charged, "charged");
        Objects.requireNonNull(credited, "credited");
        Objects.requireNonNull(cancelledAt, "cancelledAt");
        if (!credited.isWithin(charged)) {
            throw new IllegalArgumentException("credited " + credited + " exceeds charged " + charged);
        }
    }

    /** The API shows a cancelled line with quantity 0. */
    @Override
    public int quantity() {
        return 0;
    }

    @Override
    public LineStatus status() {
        return LineStatus.CANCELLED;
    }

    @Override
    public Optional<ProductKey> productKey() {
        return Optional.empty();
    }

    @Override
    public List<DownloadLink> downloadLinks() {
        return List.of();
    }
}
