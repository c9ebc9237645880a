package archfixtures.featurecycle.bootstrap.demo;

public class DemoData {
}
