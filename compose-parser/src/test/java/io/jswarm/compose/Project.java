package io.jswarm.compose;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jswarm.api.service.ServiceSpec;
import io.jswarm.compose.validate.ReadContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A project held in memory (files under /p), loaded through the real loader. */
final class Project {
    static final Path DIR = Path.of("/p");

    private final Map<Path, byte[]> files = new LinkedHashMap<>();
    private final List<Path> composeFiles = new ArrayList<>();
    private LoadOptions options = LoadOptions.of("shop");

    static Project of(String yaml) {
        return new Project().compose("compose.yml", yaml);
    }

    Project compose(String name, String yaml) {
        Path p = DIR.resolve(name);
        files.put(p, yaml.getBytes(StandardCharsets.UTF_8));
        composeFiles.add(p);
        return this;
    }

    Project file(String name, String content) {
        files.put(DIR.resolve(name), content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    Project env(Map<String, String> env) {
        options = options.withEnv(env);
        return this;
    }

    Project profiles(String... profiles) {
        options = options.withProfiles(Set.of(profiles));
        return this;
    }

    Project name(String name) {
        options = new LoadOptions(options.env(), options.envFiles(), options.profiles(), name);
        return this;
    }

    Project envFiles(String... names) {
        options = options.withEnvFiles(java.util.Arrays.stream(names).map(DIR::resolve).toList());
        return this;
    }

    ReadContext.Files reader() {
        return path -> {
            byte[] b = files.get(path);
            if (b == null) {
                throw new NoSuchFileException(path.toString());
            }
            return b;
        };
    }

    LoadResult load() {
        return ComposeLoader.load(composeFiles, options, reader());
    }

    ComposeException fail() {
        return assertThrows(ComposeException.class, this::load);
    }

    ServiceSpec service(String name) {
        return load().services().stream().filter(s -> s.name().equals("shop_" + name)).findFirst().orElseThrow();
    }
}
