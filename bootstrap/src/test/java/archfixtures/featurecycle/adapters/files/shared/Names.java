package archfixtures.featurecycle.adapters.files.shared;

public class Names {
}
