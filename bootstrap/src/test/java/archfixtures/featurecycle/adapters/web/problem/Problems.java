package archfixtures.featurecycle.adapters.web.problem;

public class Problems {
}
