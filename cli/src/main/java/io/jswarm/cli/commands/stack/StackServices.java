package io.jswarm.cli.commands.stack;

import io.jswarm.cli.client.DaemonClient;
import io.jswarm.manager.api.ServiceWire;
import io.jswarm.manager.stack.StackPlanner;
import java.util.Arrays;
import java.util.List;

/** The services of one stack, found by the stack label as docker does. */
final class StackServices {
    private StackServices() {}

    static List<ServiceWire.ServiceView> of(DaemonClient client, String stack) {
        return Arrays.stream(client.get("/v1/services").as(ServiceWire.ServiceView[].class))
                .filter(v -> StackPlanner.inStack(v.service(), stack)).toList();
    }
}
