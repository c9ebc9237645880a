package com.cspdesk.bench.hot;

import com.cspdesk.domain.activity.ActivityChain;
import com.cspdesk.domain.activity.ActivityEntry;
import com.cspdesk.domain.market.Market;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.money.PriceQuote;
import com.cspdesk.domain.money.PriceQuotePolicy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** JMH: the domain code on every order and every activity record. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class HotDomainPaths {

    private final PriceQuotePolicy policy = PriceQuotePolicy.defaults();
    private final Money unitPrice = Money.of(new BigDecimal("983.48"), Currency.getInstance("EUR"));
    private final Money audPrice = Money.of(new BigDecimal("1787.37"), Currency.getInstance("AUD"));
    private final Market germany = Market.of("DE");
    private final Market australia = Market.of("AU");
    private final ActivityEntry entry;

    public HotDomainPaths() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("lineItems", "1");
        data.put("offerIds", "DG7GMGF0BHXC:0001:DZH318Z0CUQM");
        data.put("totalGross", "1170.34");
        data.put("currency", "EUR");
        entry = new ActivityEntry(Instant.parse("2026-11-21T10:15:30.123456Z"), "create_order", "succeeded",
                "bench.agent@partner.bench", null, "0b9f3c1e-8a4b-4f61-9e2a-3b7c0d1e2f40", "Bench Customer 00001 GmbH",
                "order", "7d1c1f0e-8a4b-4f61-9e2a-3b7c0d1e2f41", data);
    }

    /** SHA-256 chain hash of one activity record (every order and every key, link and download). */
    @Benchmark
    public String activityChainHash() {
        return ActivityChain.hash(ActivityChain.GENESIS, 42, entry);
    }

    /** Net, tax and gross of an order line, tax on top (Germany). */
    @Benchmark
    public PriceQuote priceQuoteTaxOnTop() {
        return policy.quote(unitPrice, 3, germany);
    }

    /** Net, tax and gross of an order line, tax inside the price (Australia). */
    @Benchmark
    public PriceQuote priceQuoteTaxIncluded() {
        return policy.quote(audPrice, 3, australia);
    }
}
