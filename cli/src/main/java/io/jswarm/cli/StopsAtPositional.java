package io.jswarm.cli;

/**
 * A command whose first positional argument ends its own options: what follows belongs to
 * something else (docker's {@code service create IMAGE httpd -f}: {@code -f} is httpd's).
 */
public interface StopsAtPositional {}
