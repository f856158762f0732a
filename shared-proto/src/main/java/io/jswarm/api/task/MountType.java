package io.jswarm.api.task;

public enum MountType { BIND, VOLUME, TMPFS }
