package io.jswarm.manager.raft;

/** A manager as Raft knows it: its node id and its Raft transport address (host:port). */
public record RaftPeerAddress(String id, String address) {}
