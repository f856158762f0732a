package io.jswarm.compose.model;

import java.util.Arrays;

/** The bytes of a secret or config file, kept for the secret store; compared by content. */
public final class FileContent {
    private final byte[] bytes;

    public FileContent(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileContent f && Arrays.equals(bytes, f.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Never the content itself: secrets must not reach logs. */
    @Override
    public String toString() {
        return "FileContent[" + bytes.length + " bytes]";
    }
}
