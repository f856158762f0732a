package io.jswarm.compose;

import io.jswarm.compose.yaml.Position;

/**
 * One error or warning about a compose file: where (file, line, column), which key
 * ({@code services.web.deploy.replicas}) and what, in words a user can act on.
 */
public record ComposeProblem(Position pos, String path, String message) {

    public String file() {
        return pos.file();
    }

    public int line() {
        return pos.line();
    }

    public int column() {
        return pos.column();
    }

    @Override
    public String toString() {
        String where = pos.line() > 0 ? pos.toString() : pos.file();
        String prefix = where.isEmpty() ? "" : where + ": ";
        return prefix + (path.isEmpty() ? message : path + ": " + message);
    }
}
