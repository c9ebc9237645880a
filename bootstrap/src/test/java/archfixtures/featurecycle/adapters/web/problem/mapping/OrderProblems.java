package archfixtures.featurecycle.adapters.web.problem.mapping;

import archfixtures.featurecycle.adapters.web.order.OrderController;

/**
 * Violation: problem and order use each other (order -> problem, problem.mapping -> order),
 * although no two single packages form a cycle.
 */
public class OrderProblems {

    public OrderController use() {
        return new OrderController();
    }
}
