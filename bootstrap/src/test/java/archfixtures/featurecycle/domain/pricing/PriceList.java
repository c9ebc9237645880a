package archfixtures.featurecycle.domain.pricing;

public class PriceList {
}
