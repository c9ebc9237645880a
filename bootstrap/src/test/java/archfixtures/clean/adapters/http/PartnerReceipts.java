package archfixtures.clean.adapters.http;

import archfixtures.clean.application.order.port.out.Receipts;
import archfixtures.clean.domain.order.Order;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** An adapter that is the network: it implements an outgoing port (a receipt posted to a partner) and knows no other adapter. */
public class PartnerReceipts implements Receipts {

    private final URI partner;
    private final List<String> sent = new ArrayList<>();

    public PartnerReceipts(URI partner) {
        this.partner = partner;
    }

    @Override
    public void file(Order order) {
        sent.add("POST " + partner.resolve("/receipts/" + order.id()) + " " + order.total());
    }
}
