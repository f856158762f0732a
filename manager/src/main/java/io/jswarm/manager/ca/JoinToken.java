package io.jswarm.manager.ca;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code JSWTKN-1-<CA digest>-<secret>}: the digest (SHA-256 hex of the root CA certificate) lets a
 * joiner authenticate the manager before it reveals the secret; the secret (26 base-36 characters,
 * about 134 bits) authenticates the joiner. Worker and manager tokens have different secrets.
 */
public record JoinToken(String caDigest, String secret) {
    public static final String PREFIX = "JSWTKN";
    public static final int VERSION = 1;
    public static final int SECRET_LENGTH = 26;
    private static final Pattern FORMAT = Pattern.compile("JSWTKN-(\\d+)-([0-9a-f]{64})-([0-9a-z]{" + SECRET_LENGTH + "})");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

    public static String newSecret() {
        char[] out = new char[SECRET_LENGTH];
        for (int i = 0; i < out.length; i++) {
            out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }

    /** Parses a token without any network call; the message says what is wrong, never echoes the secret. */
    public static JoinToken parse(String token) {
        if (token == null || token.isBlank()) {
            throw new InvalidTokenException("token: must not be empty");
        }
        String t = token.strip();
        if (!t.startsWith(PREFIX + "-")) {
            throw new InvalidTokenException("token: not a jswarm join token (must start with " + PREFIX + "-)");
        }
        Matcher m = FORMAT.matcher(t);
        if (!m.matches()) {
            throw new InvalidTokenException("token: malformed; expected " + PREFIX + "-" + VERSION
                    + "-<64 hex digits>-<" + SECRET_LENGTH + " lowercase letters or digits>");
        }
        if (Integer.parseInt(m.group(1)) != VERSION) {
            throw new InvalidTokenException("token: version " + m.group(1) + " is not supported (expected " + VERSION + ")");
        }
        return new JoinToken(m.group(2), m.group(3));
    }

    @Override
    public String toString() {
        return PREFIX + "-" + VERSION + "-" + caDigest + "-" + secret;
    }

    /** Constant-time comparison, so response timing tells an attacker nothing about the secret. */
    public static boolean secretMatches(String provided, String expected) {
        if (provided == null || expected == null) {
            return false;
        }
        return MessageDigest.isEqual(provided.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
