package io.jswarm.scheduler.placement;

/** The task's placement constraints must all hold on the node. */
public final class ConstraintFilter implements Filter {
    private final ConstraintSet constraints;

    public ConstraintFilter(ConstraintSet constraints) {
        this.constraints = constraints;
    }

    @Override
    public boolean check(NodeInfo node) {
        return constraints.matches(node.node());
    }

    @Override
    public String explain(int nodes) {
        if (constraints.constraints().size() == 1) {
            return "constraint " + constraints.constraints().get(0).text() + " not satisfied on " + Filter.nodes(nodes);
        }
        return "constraints not satisfied on " + Filter.nodes(nodes);
    }
}
