package archfixtures.applicationusesadapter.adapters.persistence;

public class JdbcOrders {

    public void insert(String orderId) {
    }
}
