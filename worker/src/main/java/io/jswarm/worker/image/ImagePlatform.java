package io.jswarm.worker.image;

import java.util.Locale;

/** An image's platform as OCI names it (Go's GOOS/GOARCH, plus an optional variant such as v8 for arm64). */
public record ImagePlatform(String os, String architecture, String variant) {
    public ImagePlatform {
        if (os == null || os.isEmpty() || architecture == null || architecture.isEmpty()) {
            throw new IllegalArgumentException("a platform needs an os and an architecture");
        }
        variant = variant == null || variant.isEmpty() ? null : variant;
    }

    public static final ImagePlatform LINUX_AMD64 = new ImagePlatform("linux", "amd64", null);

    /** This JVM's platform in Go's names (amd64, arm64, …), which registries use. */
    public static ImagePlatform current() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String goArch = switch (arch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386", "i686" -> "386";
            case "ppc64le" -> "ppc64le";
            case "s390x" -> "s390x";
            case "riscv64" -> "riscv64";
            default -> arch;
        };
        return new ImagePlatform("linux", goArch, goArch.equals("arm64") ? "v8" : null);
    }

    /** Parses {@code os/arch[/variant]}, as {@code --platform} takes it. */
    public static ImagePlatform parse(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("platform '" + text + "' must be os/arch or os/arch/variant");
        }
        return new ImagePlatform(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
    }

    @Override
    public String toString() {
        return os + "/" + architecture + (variant != null ? "/" + variant : "");
    }
}
