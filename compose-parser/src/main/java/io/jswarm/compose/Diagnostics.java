package io.jswarm.compose;

import io.jswarm.compose.yaml.Position;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects every error and warning of a load so the user sees all problems of a file at once
 * instead of fixing them one run at a time. Not thread-safe: one per load.
 */
public final class Diagnostics {
    private static final Comparator<ComposeProblem> BY_PLACE = Comparator
            .comparing((ComposeProblem p) -> p.file())
            .thenComparingInt(ComposeProblem::line)
            .thenComparingInt(ComposeProblem::column)
            .thenComparing(ComposeProblem::path)
            .thenComparing(ComposeProblem::message);

    private final List<ComposeProblem> errors = new ArrayList<>();
    private final List<ComposeProblem> warnings = new ArrayList<>();

    public void error(Position pos, String path, String message) {
        errors.add(new ComposeProblem(pos, path, message));
    }

    public void warn(Position pos, String path, String message) {
        ComposeProblem w = new ComposeProblem(pos, path, message);
        if (!warnings.contains(w)) {
            warnings.add(w);
        }
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Errors in file order (stable, so output and tests do not depend on walk order). */
    public List<ComposeProblem> errors() {
        return errors.stream().distinct().sorted(BY_PLACE).toList();
    }

    public List<ComposeProblem> warnings() {
        return warnings.stream().sorted(BY_PLACE).toList();
    }

    /** Throws a {@link ComposeException} carrying every error so far, if there is any. */
    public void throwIfErrors() {
        if (hasErrors()) {
            throw new ComposeException(errors(), warnings());
        }
    }
}
