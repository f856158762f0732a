package io.jswarm.manager.stack;

/**
 * A deploy that cannot go on, naming the service at fault and why ("shop_api: waited 5m0s for
 * shop_db to be healthy; last seen: …"). Steps applied before it stay applied: the stack is as
 * far along as its dependencies allowed, and a redeploy continues from there.
 */
public final class StackException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String service;

    public StackException(String service, String reason) {
        super(service + ": " + reason);
        this.service = service;
    }

    public String service() {
        return service;
    }
}
