package archfixtures.featurecycle.adapters.persistence.order;

import archfixtures.featurecycle.adapters.persistence.shared.Sql;

public class JdbcOrders {

    public Sql use() {
        return new Sql();
    }
}
