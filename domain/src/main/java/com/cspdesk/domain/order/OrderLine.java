package com.cspdesk.domain.order;

import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.catalog.TermDuration;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.money.PriceQuote;
import com.cspdesk.domain.software.DownloadLink;
import com.cspdesk.domain.software.ProductKey;
import java.util.List;
import java.util.Optional;

/** One line of an order, in one of its two states: {@link ActiveLine} or {@link CancelledLine}. */
public sealed interface OrderLine permits ActiveLine, CancelledLine {

    int lineItemNumber();

    OfferId offerId();

    ProductKind kind();

    TermDuration term();

    Money unitPrice();

    /** What this line was charged (net, tax, gross), kept after cancellation for the record. */
    PriceQuote charged();

    /** What has been credited back for this line so far. */
    PriceQuote credited();

    /** The API's quantity: the bought quantity while active, 0 once cancelled. */
    int quantity();

    LineStatus status();

    Optional<ProductKey> productKey();

    List<DownloadLink> downloadLinks();
}
