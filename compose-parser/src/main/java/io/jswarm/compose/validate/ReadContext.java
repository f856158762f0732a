package io.jswarm.compose.validate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the validator needs from outside the YAML: the project directory (relative paths resolve
 * against it, as in Compose), the interpolation environment (for {@code KEY} entries without a
 * value and {@code ~}), and a way to read {@code env_file} and secret files. Reading goes through
 * {@link Files} so tests can supply contents without touching the disk.
 */
public record ReadContext(Path projectDir, Map<String, String> env, Files files) {

    @FunctionalInterface
    public interface Files {
        byte[] read(Path path) throws IOException;
    }

    public static final Files DISK = java.nio.file.Files::readAllBytes;

    /** {@code ~}, {@code ~/x}, relative and absolute paths to an absolute normalized path. */
    public String resolve(String path) {
        if (path.equals("~") || path.startsWith("~/")) {
            String home = env.get("HOME");
            if (home == null) {
                throw new IllegalArgumentException("cannot expand ~ because HOME is not set");
            }
            return Path.of(home).resolve(path.equals("~") ? "" : path.substring(2)).normalize().toString();
        }
        return projectDir.resolve(path).normalize().toString();
    }
}
