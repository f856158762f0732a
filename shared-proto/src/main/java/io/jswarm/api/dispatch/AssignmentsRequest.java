package io.jswarm.api.dispatch;

/**
 * A worker asks for its assignments. {@code sessionId} null (or one the manager does not know,
 * e.g. after a leader change) starts a new session whose first answer is the full set;
 * {@code sequence} is the last message it received, so a lost answer is noticed.
 */
public record AssignmentsRequest(String nodeId, String sessionId, long sequence) {}
