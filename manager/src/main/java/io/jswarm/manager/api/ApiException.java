package io.jswarm.manager.api;

/**
 * A request that cannot be served, with the HTTP status to answer and, for bad input, the field
 * at fault. Answered as {@code {"error": message, "field": field}}.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String field;

    public ApiException(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public static ApiException badInput(String field, String message) {
        return new ApiException(400, field, message);
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, null, what + " not found");
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, null, message);
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }
}
