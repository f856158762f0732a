package io.jswarm.compose.convert;

/**
 * A secret or config given to a service's tasks: {@code name} is the stack-scoped object name,
 * {@code target} the file in the container (default: /run/secrets/&lt;key&gt; for secrets,
 * /&lt;key&gt; for configs, as in Docker).
 */
public record FileMount(String name, String target, String uid, String gid, int mode) {}
