package archfixtures.featurecycle.adapters.http.shared;

public class Bounds {
}
