package io.jswarm.api.validate;

/**
 * One thing wrong with user input: the field path ({@code task.resources.limits.memoryBytes},
 * {@code endpoint.ports[1].publishedPort}) and what is wrong with it, in words a user can act on.
 */
public record Problem(String path, String message) {
    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
