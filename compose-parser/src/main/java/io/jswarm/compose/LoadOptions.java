package io.jswarm.compose;

import io.jswarm.api.Copies;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How to load: {@code env} is the process environment (it wins over env files, as in Compose);
 * {@code envFiles} are {@code --env-file}s in order (none given: the project's {@code .env} if it
 * exists); {@code profiles} the active {@code --profile}s; {@code projectName} the stack name
 * (null: {@code name:} from the file, else the project directory's name).
 */
public record LoadOptions(Map<String, String> env, List<Path> envFiles, Set<String> profiles, String projectName) {
    public LoadOptions {
        env = Copies.map(env);
        envFiles = Copies.list(envFiles);
        profiles = profiles == null ? Set.of() : Set.copyOf(profiles);
    }

    public static LoadOptions of(String projectName) {
        return new LoadOptions(Map.of(), List.of(), Set.of(), projectName);
    }

    public LoadOptions withEnv(Map<String, String> newEnv) {
        return new LoadOptions(newEnv, envFiles, profiles, projectName);
    }

    public LoadOptions withProfiles(Set<String> newProfiles) {
        return new LoadOptions(env, envFiles, newProfiles, projectName);
    }

    public LoadOptions withEnvFiles(List<Path> newEnvFiles) {
        return new LoadOptions(env, newEnvFiles, profiles, projectName);
    }
}
