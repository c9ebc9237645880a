package archfixtures.featurecycle.application.order;

import archfixtures.featurecycle.application.billing.port.out.Invoices;

public class PlacingOrders {

    public Invoices use() {
        return new Invoices();
    }
}
