package archfixtures.featurecycle.adapters.persistence.shared;

public class Sql {
}
