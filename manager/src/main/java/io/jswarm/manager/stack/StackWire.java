package io.jswarm.manager.stack;

import io.jswarm.api.Copies;
import io.jswarm.api.service.ServiceSpec;
import io.jswarm.compose.model.Dependency.Condition;
import io.jswarm.compose.convert.ServiceDeployment;
import java.util.ArrayList;
import java.util.List;

/** Bodies of the {@code /v1/stacks} routes. */
public final class StackWire {
    private StackWire() {}

    /**
     * {@code POST /v1/stacks/{name}} as JSON: a stack the CLI already loaded and converted (so
     * {@code .env}, {@code --env-file} and relative paths resolve on the user's machine, as with
     * docker). {@code order}: every service, dependencies first. {@code timeoutSeconds}: how long
     * one depends_on wait may take (null: {@link StackApplier#DEFAULT_TIMEOUT}).
     */
    public record DeployRequest(List<ServiceSpec> services, List<String> order, List<Wait> dependsOn, boolean prune,
            Long timeoutSeconds) {
        public DeployRequest {
            services = Copies.list(services);
            order = Copies.list(order);
            dependsOn = Copies.list(dependsOn);
        }
    }

    /** {@code service} waits for {@code on} to meet {@code condition}; {@code required=false}: unless {@code on} is absent. */
    public record Wait(String service, String on, Condition condition, boolean required) {}

    /** What a deploy did: every service of the file (create, update, unchanged) and every removal. */
    public record DeployAnswer(String stack, List<Action> actions, List<Problem> warnings) {}

    public record Action(String service, String action) {}

    /** A compose problem where the dashboard shows it: file, line, column, key path, message. */
    public record Problem(String file, int line, int column, String path, String message) {}

    /** 400 for a compose file with errors: nothing was deployed. */
    public record ProblemsBody(String error, String field, List<Problem> problems) {}

    /** The depends_on entries of a loaded stack, as the deploy request carries them. */
    public static List<Wait> waits(List<ServiceDeployment> deployments) {
        List<Wait> out = new ArrayList<>();
        for (ServiceDeployment d : deployments) {
            d.dependsOn().forEach((on, dep) -> out.add(new Wait(d.service(), on, dep.condition(), dep.required())));
        }
        return out;
    }

    public record StackSummary(String name, int services) {}

    public record RemoveAnswer(String stack, List<String> removed) {}
}
