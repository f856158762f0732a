package io.jswarm.worker.image;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A content digest as OCI writes it, {@code sha256:<64 lowercase hex>}. Only sha256 is accepted:
 * it is what every registry and image tool produces, and a store that accepted more algorithms
 * would need one blob directory per algorithm for no user benefit.
 */
public record Digest(String algorithm, String hex) {
    public static final String SHA256 = "sha256";
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public Digest {
        if (!SHA256.equals(algorithm)) {
            throw new IllegalArgumentException("unsupported digest algorithm '" + algorithm + "' (only sha256)");
        }
        if (hex == null || !HEX64.matcher(hex).matches()) {
            throw new IllegalArgumentException("invalid sha256 digest '" + hex + "': want 64 lowercase hex characters");
        }
    }

    /** Parses {@code sha256:<hex>}; the message names what is wrong. */
    public static Digest parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("digest is empty");
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("invalid digest '" + text + "': want sha256:<64 hex characters>");
        }
        return new Digest(text.substring(0, colon), text.substring(colon + 1));
    }

    public static Digest of(byte[] content) {
        return fromHash(newSha256().digest(content));
    }

    static Digest fromHash(byte[] hash) {
        return new Digest(SHA256, HexFormat.of().formatHex(hash));
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }

    /** The first 12 hex characters, as {@code docker images} shows image IDs. */
    public String shortHex() {
        return hex.substring(0, 12);
    }

    @Override
    public String toString() {
        return algorithm + ":" + hex;
    }
}
