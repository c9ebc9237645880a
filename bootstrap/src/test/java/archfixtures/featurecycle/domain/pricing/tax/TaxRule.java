package archfixtures.featurecycle.domain.pricing.tax;

import archfixtures.featurecycle.domain.order.Order;

/**
 * Violation: pricing and order use each other (order -> pricing, pricing.tax -> order),
 * although no two single packages form a cycle.
 */
public class TaxRule {

    public Order use() {
        return new Order();
    }
}
