package io.jswarm.scheduler.placement;

/**
 * How the placer orders the nodes that pass the filters.
 * SPREAD (Swarm's only strategy): fewest tasks of this service, then fewest tasks in total.
 * BINPACK (a jswarm option): the fullest node that still fits — least free memory, then least
 * free CPU, then most tasks — so whole nodes stay free for large tasks or can be turned off.
 * Either way, nodes that recently failed this service's tasks come last.
 */
public enum Strategy { SPREAD, BINPACK }
