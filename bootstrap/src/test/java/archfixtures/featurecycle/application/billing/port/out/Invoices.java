package archfixtures.featurecycle.application.billing.port.out;

public class Invoices {
}
