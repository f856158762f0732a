package io.jswarm.compose;

import java.util.List;
import java.util.stream.Collectors;

/** A compose project could not be loaded; carries every problem found, in file order. */
public final class ComposeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<ComposeProblem> problems;
    private final transient List<ComposeProblem> warnings;

    public ComposeException(List<ComposeProblem> problems, List<ComposeProblem> warnings) {
        super(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the compose files:\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
        this.warnings = List.copyOf(warnings);
    }

    public List<ComposeProblem> problems() {
        return problems;
    }

    public List<ComposeProblem> warnings() {
        return warnings;
    }
}
