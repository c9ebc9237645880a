package archfixtures.featurecycle.domain.order;

import archfixtures.featurecycle.domain.pricing.PriceList;

public class Order {

    public PriceList use() {
        return new PriceList();
    }
}
