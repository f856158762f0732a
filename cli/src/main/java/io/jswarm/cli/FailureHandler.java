package io.jswarm.cli;

import io.jswarm.api.json.JsonInputException;
import io.jswarm.api.validate.Problem;
import io.jswarm.api.validate.ValidationException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The one place where failures become output: a single clear line per problem on stderr and an
 * exit code. Stack traces only with {@code --debug}, so users never see Java internals.
 */
final class FailureHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        boolean debug = JswarmCommand.of(cmd.getCommandSpec()).debug();
        int code;
        if (ex instanceof CliException c) {
            err.println("jswarm: " + c.getMessage());
            code = c.exitCode();
        } else if (ex instanceof ValidationException v) {
            for (Problem p : v.problems()) {
                err.println("jswarm: " + p);
            }
            code = ExitCodes.FAILED;
        } else if (ex instanceof JsonInputException j) {
            err.println("jswarm: " + j.problem());
            code = ExitCodes.FAILED;
        } else {
            err.println("jswarm: internal error: " + ex + (debug ? "" : " (run with --debug for details)"));
            code = ExitCodes.FAILED;
        }
        if (debug) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }
}
