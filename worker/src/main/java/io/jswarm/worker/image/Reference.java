package io.jswarm.worker.image;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An image reference normalised by Docker's rules (github.com/distribution/reference):
 * {@code busybox} is {@code docker.io/library/busybox:latest}, {@code host:port/name:tag} names a
 * registry explicitly, {@code name@sha256:…} pins content. The first path component is a registry
 * only if it contains a '.' or ':', is {@code localhost}, or has an upper-case letter; otherwise
 * the registry is Docker Hub and one-component names live under {@code library/}.
 *
 * <p>Invariant: {@code domain} and {@code path} are always set; at least one of {@code tag} and
 * {@code digest} is set (a bare name gets {@code latest}). When both are set the digest decides
 * what is pulled, as in Docker.
 */
public record Reference(String domain, String path, String tag, Digest digest) {
    public static final String DOCKER_HUB = "docker.io";
    public static final String DEFAULT_TAG = "latest";
    private static final int MAX_NAME_LENGTH = 255;

    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*"
                    + "(?::[0-9]+)?");
    private static final Pattern IPV6_DOMAIN = Pattern.compile("\\[[0-9a-fA-F:]+\\](?::[0-9]+)?");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final Pattern IMAGE_ID = Pattern.compile("[a-f0-9]{64}");

    public Reference {
        if (domain == null || path == null) {
            throw new IllegalArgumentException("reference needs a domain and a path");
        }
        if (tag == null && digest == null) {
            throw new IllegalArgumentException("reference needs a tag or a digest");
        }
    }

    /** Parses and normalises {@code text}; an {@link InvalidReferenceException} names the wrong part. */
    public static Reference parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidReferenceException(String.valueOf(text), "the reference is empty");
        }
        if (!text.equals(text.strip())) {
            throw new InvalidReferenceException(text, "leading or trailing whitespace");
        }
        String rest = text;
        Digest digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            String digestText = rest.substring(at + 1);
            rest = rest.substring(0, at);
            try {
                digest = Digest.parse(digestText);
            } catch (IllegalArgumentException e) {
                throw new InvalidReferenceException(text, "bad digest: " + e.getMessage());
            }
        }
        String tag = null;
        int lastColon = rest.lastIndexOf(':');
        if (lastColon > rest.lastIndexOf('/')) {
            tag = rest.substring(lastColon + 1);
            rest = rest.substring(0, lastColon);
            if (!TAG.matcher(tag).matches()) {
                throw new InvalidReferenceException(text, "tag '" + tag
                        + "' must be 1-128 characters of letters, digits, '_', '.', '-' and not start with '.' or '-'");
            }
        }
        if (rest.isEmpty()) {
            throw new InvalidReferenceException(text, "the repository name is empty");
        }
        if (IMAGE_ID.matcher(rest).matches()) {
            throw new InvalidReferenceException(text, "a 64-character hex string is an image ID, not a repository name");
        }
        String domain;
        String path;
        int slash = rest.indexOf('/');
        String first = slash < 0 ? rest : rest.substring(0, slash);
        boolean firstIsDomain = slash >= 0 && (first.contains(".") || first.contains(":")
                || first.equals("localhost") || !first.toLowerCase(Locale.ROOT).equals(first));
        if (firstIsDomain) {
            domain = first;
            path = rest.substring(slash + 1);
            if (!DOMAIN.matcher(domain).matches() && !IPV6_DOMAIN.matcher(domain).matches()) {
                throw new InvalidReferenceException(text, "registry '" + domain + "' is not a valid host[:port]");
            }
            if (domain.equals("index.docker.io")) {
                domain = DOCKER_HUB;
            }
        } else {
            domain = DOCKER_HUB;
            path = rest;
        }
        if (domain.equals(DOCKER_HUB) && path.indexOf('/') < 0) {
            path = "library/" + path;
        }
        for (String component : path.split("/", -1)) {
            if (component.isEmpty()) {
                throw new InvalidReferenceException(text, "empty path component in '" + path + "'");
            }
            if (!component.toLowerCase(Locale.ROOT).equals(component)) {
                throw new InvalidReferenceException(text, "repository name '" + path + "' must be lowercase");
            }
            if (!COMPONENT.matcher(component).matches()) {
                throw new InvalidReferenceException(text, "path component '" + component
                        + "' must be lowercase letters and digits, separated by '.', '_', '__' or '-'");
            }
        }
        if (domain.length() + 1 + path.length() > MAX_NAME_LENGTH) {
            throw new InvalidReferenceException(text, "the repository name is longer than " + MAX_NAME_LENGTH + " characters");
        }
        if (tag == null && digest == null) {
            tag = DEFAULT_TAG;
        }
        return new Reference(domain, path, tag, digest);
    }

    /** {@code domain/path}: the repository, without tag or digest. */
    public String repository() {
        return domain + "/" + path;
    }

    /**
     * What the registry API is asked for: the digest when pinned (content wins over a moving
     * tag), otherwise the tag.
     */
    public String manifestReference() {
        return digest != null ? digest.toString() : tag;
    }

    public Reference withDigest(Digest d) {
        return new Reference(domain, path, tag, d);
    }

    /** The short form Docker prints: {@code busybox:latest} for {@code docker.io/library/busybox:latest}. */
    public String familiar() {
        String name = repository();
        if (domain.equals(DOCKER_HUB)) {
            name = path.startsWith("library/") && path.indexOf('/', 8) < 0 ? path.substring(8) : path;
        }
        return name + (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
    }

    @Override
    public String toString() {
        return repository() + (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
    }
}
