package io.jswarm.worker.runtime;

/**
 * A container cannot be built from its spec and image, for a reason the user can fix. The field
 * names the spec path ({@code container.user}); the message is meant for the task status as is.
 */
public final class ContainerConfigException extends RuntimeException {
    private final String field;

    public ContainerConfigException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
