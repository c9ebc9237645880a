package com.cspdesk.domain.order;

import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.catalog.TermDuration;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.money.PriceQuote;
import com.cspdesk.domain.software.DownloadLink;
import com.cspdesk.domain.software.ProductKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A line in use: it may hold a product key and download links. */
public record ActiveLine(
        int lineItemNumber,
        OfferId offerId,
        ProductKind kind,
        TermDuration term,
        int quantity,
        Money unitPrice,
        PriceQuote charged,
        Optional<ProductKey> productKey,
        List<DownloadLink> downloadLinks) implements OrderLine {

    public ActiveLine {
        Objects.requireNonNull(offerId, "offerId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(charged, "charged");
        Objects.requireNonNull(productKey, "productKey");
        downloadLinks = List.copyOf(downloadLinks);
        if (lineItemNumber < 0) {
            throw new IllegalArgumentException("line item numbers start at 0: " + lineItemNumber);
        }
        if (quantity < 1) {
            throw new IllegalArgumentException("an active line has a quantity of at least 1: " + quantity);
        }
        if (!kind.isSoldWith(term)) {
            throw new IllegalArgumentException(kind + " is not sold with term " + term);
        }
        unitPrice.requireSameCurrency(charged.gross());
    }

    /** A freshly bought line: no key, no links yet. */
    public static ActiveLine bought(int lineItemNumber, OfferId offerId, ProductKind kind, TermDuration term, int quantity,
                                    Money unitPrice, PriceQuote charged) {
        return new ActiveLine(lineItemNumber, offerId, kind, term, quantity, unitPrice, charged, Optional.empty(), List.of());
    }

    @Override
    public PriceQuote credited() {
        return PriceQuote.zero(charged.currency());
    }

    @Override
    public LineStatus status() {
        return LineStatus.ACTIVE;
    }

    ActiveLine withProductKey(ProductKey key) {
        return new ActiveLine(lineItemNumber, offerId, kind, term, quantity, unitPrice, charged, Optional.of(key), downloadLinks);
    }

    ActiveLine withDownloadLink(DownloadLink link) {
        List<DownloadLink> links = new ArrayList<>(downloadLinks);
        links.add(link);
        return new ActiveLine(lineItemNumber, offerId, kind, term, quantity, unitPrice, charged, productKey, links);
    }

    /** Spec "Post-cancellation details": the line keeps its record, loses its key and links, and shows quantity 0. */
    CancelledLine cancel(PriceQuote credit, Instant cancelledAt) {
        return new CancelledLine(lineItemNumber, offerId, kind, term, quantity, unitPrice, charged, credit, cancelledAt);
    }
}
