package archfixtures.featurecycle.adapters.web.order;

import archfixtures.featurecycle.adapters.web.problem.Problems;

public class OrderController {

    public Problems use() {
        return new Problems();
    }
}
