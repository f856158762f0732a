package io.jswarm.compose.yaml;

/** Where a node starts in its file; line and column are 1-based, as editors show them. */
public record Position(String file, int line, int column) {
    public static final Position UNKNOWN = new Position("", 0, 0);

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
