package io.jswarm.compose;

import io.jswarm.compose.yaml.Position;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
    private final Set<Position> failedValues = new HashSet<>();
    private final List<ComposeProblem> warnings = new ArrayList<>();

    public void error(Position pos, String path, String message) {
        if (!failedValues.contains(pos)) {
            errors.add(new ComposeProblem(pos, path, message));
        }
    }

    /**
     * Reports a value that could not be computed (a failed interpolation) and silences later
     * errors at the same place, so loading can go on to report the file's other problems
     * without a second, confusing complaint about the raw {@code ${…}} text.
     */
    public void valueError(Position pos, String path, String message) {
        error(pos, path, message);
        failedValues.add(pos);
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
