package archfixtures.featurecycle.application.billing;

import archfixtures.featurecycle.application.order.PlacingOrders;

/**
 * Violation: billing and order use each other (order -> billing.port.out, billing -> order),
 * although no two single packages form a cycle.
 */
public class InvoiceRun {

    public PlacingOrders use() {
        return new PlacingOrders();
    }
}
