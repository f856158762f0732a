package io.jswarm.worker.image;

/** One line of {@code image ls}: a reference (or the manifest digest when untagged) and what it points at. */
public record ImageSummary(String reference, Digest imageId, Digest manifestDigest, String created, long size) {}
