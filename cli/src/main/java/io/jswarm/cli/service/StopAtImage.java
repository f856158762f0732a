package io.jswarm.cli.service;

import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Everything after the image belongs to the container's command, as with docker
 * ({@code service create busybox httpd -f}: {@code -f} is httpd's flag, not ours).
 */
public final class StopAtImage implements IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec spec) {
        spec.parser().stopAtPositional(true);
        return spec;
    }
}
