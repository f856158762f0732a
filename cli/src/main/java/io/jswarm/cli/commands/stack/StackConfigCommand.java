package io.jswarm.cli.commands.stack;

import io.jswarm.compose.ComposeProblem;
import io.jswarm.compose.LoadResult;
import io.jswarm.compose.render.ConfigRenderer;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jswarm stack config}: the fully resolved Compose file (files merged, variables
 * substituted, profiles applied, long syntax) — exactly what a deploy would use. Needs no daemon.
 * Warnings (ignored keys, unset variables) go to stderr so stdout stays a valid file.
 */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Print the fully resolved Compose file (merged, interpolated, profiles applied).")
public final class StackConfigCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ComposeFileOptions compose;

    @Parameters(arity = "0..1", paramLabel = "STACK",
            description = "Stack name (default: the file's name:, else the project directory's name).")
    String stack;

    @Override
    public Integer call() {
        LoadResult result = compose.load(stack);
        PrintWriter err = spec.commandLine().getErr();
        for (ComposeProblem w : result.warnings()) {
            err.println("jswarm: warning: " + w);
        }
        err.flush();
        PrintWriter out = spec.commandLine().getOut();
        out.print(ConfigRenderer.render(result.project()));
        out.flush();
        return 0;
    }
}
