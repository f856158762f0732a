package io.jswarm.compose.yaml;

/**
 * A scalar as written. {@code type} is what YAML's core schema resolved it to (so {@code 3} is an
 * INT and {@code "3"} a STRING); typed readers accept either, because interpolation turns every
 * value into text ({@code replicas: ${N}}). {@code value} is null only for NULL.
 */
public record YScalar(String value, Type type, Position pos) implements YNode {

    public enum Type { STRING, INT, FLOAT, BOOL, NULL }

    public static YScalar string(String value, Position pos) {
        return new YScalar(value, Type.STRING, pos);
    }

    public boolean isNull() {
        return type == Type.NULL;
    }

    /** The text, or "" for null. */
    public String text() {
        return value == null ? "" : value;
    }

    @Override
    public String kindName() {
        return switch (type) {
            case STRING -> "a string";
            case INT -> "an integer";
            case FLOAT -> "a number";
            case BOOL -> "a boolean";
            case NULL -> "null";
        };
    }
}
