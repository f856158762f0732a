package io.jswarm.webui;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The dashboard's admin token: 256 random bits shown to the operator once; only its SHA-256 is
 * kept. A plain hash (not a slow password hash) is enough because the secret is random, not
 * chosen by a person, so there is nothing to guess from the hash.
 */
public final class AdminToken {
    static final String PREFIX = "SWMDASH-";
    private static final SecureRandom RANDOM = new SecureRandom();

    private AdminToken() {}

    /** A fresh token, e.g. {@code SWMDASH-3q2…}; give it to the operator and keep only {@link #hash}. */
    public static String generate() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** {@code sha256:<hex>} of the token text. */
    public static String hash(String token) {
        return "sha256:" + HexFormat.of().formatHex(sha256(token));
    }

    /**
     * Whether {@code candidate} is the token behind {@code storedHash}. Both sides are hashed to a
     * fixed length and compared in constant time, so timing says nothing about how much matched.
     */
    public static boolean matches(String candidate, String storedHash) {
        if (candidate == null || storedHash == null) {
            return false;
        }
        // Both are "sha256:" + 64 hex digits, so isEqual compares equal lengths in constant time.
        return MessageDigest.isEqual(hash(candidate).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
