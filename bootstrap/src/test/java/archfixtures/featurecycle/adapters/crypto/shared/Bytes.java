package archfixtures.featurecycle.adapters.crypto.shared;

public class Bytes {
}
