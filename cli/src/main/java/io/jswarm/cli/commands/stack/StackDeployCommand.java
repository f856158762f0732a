package io.jswarm.cli.commands.stack;

import io.jswarm.api.json.Json;
import io.jswarm.api.task.Task;
import io.jswarm.cli.CliException;
import io.jswarm.cli.ExitCodes;
import io.jswarm.cli.JswarmCommand;
import io.jswarm.cli.client.DaemonClient;
import io.jswarm.cli.flags.Converters;
import io.jswarm.compose.ComposeProblem;
import io.jswarm.compose.LoadResult;
import io.jswarm.manager.api.ServiceWire;
import io.jswarm.manager.stack.StackWire;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jswarm stack deploy} (and the top-level {@code jswarm deploy}): loads the Compose files
 * here, so {@code .env}, {@code --env-file} and relative paths resolve on this machine as with
 * docker, and sends the converted specs with their start order and depends_on conditions to the
 * manager, which creates and updates them in that order, waiting for each condition. Without
 * {@code --detach} it then shows one line per service until all have converged (jobs: completed).
 */
@Command(name = "deploy", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Deploy a new stack or update an existing one from Compose files.")
public final class StackDeployCommand implements Runnable {
    static final Duration POLL = Duration.ofMillis(500);

    @Spec
    CommandSpec spec;

    @Mixin
    ComposeFileOptions compose;

    @Option(names = "--prune", description = "Remove services of the stack that the files no longer list.")
    boolean prune;

    @Option(names = {"-d", "--detach"}, description = "Return once the services are created or updated (depends_on waits "
            + "still happen), without waiting for them to converge.")
    boolean detach;

    @Option(names = "--timeout", converter = Converters.DurationConverter.class, paramLabel = "DURATION",
            description = "Longest wait for one depends_on condition, and for the stack to converge (default 5m).")
    Duration timeout = Duration.ofMinutes(5);

    @Parameters(index = "0", paramLabel = "STACK", description = "Stack name (prefix of its services' names).")
    String stack;

    @Override
    public void run() {
        LoadResult loaded = load();
        PrintWriter err = spec.commandLine().getErr();
        for (ComposeProblem w : loaded.warnings()) {
            err.println("jswarm: warning: " + w);
        }
        loaded.deployments().stream().filter(d -> !d.secrets().isEmpty() || !d.configs().isEmpty()).forEach(d ->
                err.println("jswarm: warning: " + d.service() + ": secrets and configs are not distributed by this build yet; "
                        + "its tasks start without those files"));
        err.flush();
        StackWire.DeployRequest request = request(loaded);
        JswarmCommand root = JswarmCommand.of(spec);
        PrintWriter out = spec.commandLine().getOut();
        // The manager answers once every step is applied; each depends_on wait may take the timeout.
        long waits = request.dependsOn().stream().map(StackWire.Wait::service).distinct().count();
        Duration callTimeout = timeout.multipliedBy(waits + 1).plusSeconds(30);
        try (DaemonClient client = DaemonClient.connect(root.daemon(), callTimeout)) {
            String path = "/v1/stacks/" + URLEncoder.encode(stack, StandardCharsets.UTF_8);
            CompletableFuture<StackWire.DeployAnswer> answer = CompletableFuture.supplyAsync(
                    () -> client.post(path, request).as(StackWire.DeployAnswer.class));
            ProgressDisplay display = new ProgressDisplay(out, root.quiet() || detach);
            List<String> names = loaded.order();
            StackWire.DeployAnswer done = null;
            long convergeDeadline = Long.MAX_VALUE;
            while (true) {
                if (done == null && answer.isDone()) {
                    done = join(answer);
                    if (!root.quiet()) {
                        report(done, out);
                    }
                    if (detach) {
                        return;
                    }
                    convergeDeadline = System.nanoTime() + timeout.toNanos();
                }
                List<StackProgress.Line> lines = progress(client, names);
                display.show(lines);
                if (done != null && StackProgress.converged(lines)) {
                    display.finish();
                    if (!root.quiet()) {
                        out.println("Stack " + stack + " converged");
                        out.flush();
                    }
                    return;
                }
                if (System.nanoTime() - convergeDeadline > 0) {
                    display.finish();
                    throw new CliException(ExitCodes.FAILED, "stack " + stack + " did not converge within " + timeout.toSeconds()
                            + "s: " + String.join("; ", lines.stream().filter(l -> !l.converged()).map(l -> l.render(0).strip()).toList()));
                }
                pause(answer);
            }
        }
    }

    /** Loads and converts the files given with -c, as this invocation's options say. */
    public LoadResult load() {
        return compose.load(stack);
    }

    /** The request these options and files make: pure, so it is tested without a daemon. */
    public StackWire.DeployRequest request(LoadResult loaded) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new CliException(ExitCodes.USAGE, "--timeout: must be positive, got " + timeout);
        }
        return new StackWire.DeployRequest(loaded.services(), loaded.order(), StackWire.waits(loaded.deployments()), prune,
                Math.max(1, timeout.toSeconds()));
    }

    static void report(StackWire.DeployAnswer a, PrintWriter out) {
        for (StackWire.Action act : a.actions()) {
            switch (act.action()) {
                case "create" -> out.println("Creating service " + act.service());
                case "update" -> out.println("Updating service " + act.service());
                case "remove" -> out.println("Removing service " + act.service());
                default -> out.println("Unchanged service " + act.service());
            }
        }
        out.flush();
    }


    static List<StackProgress.Line> progress(DaemonClient client, List<String> names) {
        List<ServiceWire.ServiceView> views = List.of(client.get("/v1/services").as(ServiceWire.ServiceView[].class));
        List<Task> tasks = List.of(Json.read(client.get("/v1/tasks").body(), Task[].class));
        return StackProgress.of(names, views, tasks);
    }

    private static StackWire.DeployAnswer join(CompletableFuture<StackWire.DeployAnswer> answer) {
        try {
            return answer.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new CliException(ExitCodes.FAILED, e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCodes.FAILED, "interrupted; the deploy goes on in the cluster");
        }
    }

    /** The pace of the display; returns at once when the deploy answer arrives. */
    private static void pause(CompletableFuture<?> answer) {
        try {
            answer.get(POLL.toMillis(), TimeUnit.MILLISECONDS);
            if (answer.isDone()) {
                Thread.sleep(POLL.toMillis()); // answered earlier: the pace of the display, not a wait for a condition
            }
        } catch (TimeoutException | ExecutionException e) {
            // still deploying, or failed: the loop reads the answer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCodes.FAILED, "interrupted; the stack keeps converging in the cluster");
        }
    }
}
