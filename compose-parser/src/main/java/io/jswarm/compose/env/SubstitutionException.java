package io.jswarm.compose.env;

/** A ${…} expression could not be evaluated; {@code variable} is null for a syntax error. */
public final class SubstitutionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String variable;

    public SubstitutionException(String variable, String message) {
        super(message, null, false, false);
        this.variable = variable;
    }

    public String variable() {
        return variable;
    }
}
