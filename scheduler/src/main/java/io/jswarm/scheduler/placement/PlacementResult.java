package io.jswarm.scheduler.placement;

import java.util.Map;

/**
 * The outcome of one run. {@code assignments}: task id → node id, in placement order.
 * {@code unplaced}: task id → why no node took it ("no suitable node (…)"); those tasks stay
 * PENDING with that message and are tried again when nodes or tasks change.
 */
public record PlacementResult(Map<String, String> assignments, Map<String, String> unplaced) {}
