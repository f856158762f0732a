package io.jswarm.api.node;

/** Present only on managers: Raft reachability, whether it leads, and its Raft address. */
public record ManagerStatus(boolean leader, Reachability reachability, String address) {}
