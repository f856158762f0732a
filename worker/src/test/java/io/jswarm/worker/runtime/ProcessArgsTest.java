package io.jswarm.worker.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jswarm.api.task.ContainerSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessArgsTest {
    static final ImageDefaults NGINX = new ImageDefaults(List.of("/entry.sh"), List.of("nginx", "-g", "daemon off;"), null, null, null);

    static ContainerSpec spec(List<String> command, List<String> args) {
        return new ContainerSpec("img", command, args, null, null, null, null, null, null, null, null, null, false, null,
                null, null, null, null, null, null);
    }

    @Test
    void imageEntrypointAndCmdByDefault() {
        assertEquals(List.of("/entry.sh", "nginx", "-g", "daemon off;"), ProcessArgs.argv(spec(null, null), NGINX));
    }

    @Test
    void argsReplaceCmdOnly() {
        assertEquals(List.of("/entry.sh", "sh"), ProcessArgs.argv(spec(null, List.of("sh")), NGINX));
    }

    @Test
    void commandReplacesEntrypointAndDropsImageCmd() {
        assertEquals(List.of("sleep"), ProcessArgs.argv(spec(List.of("sleep"), null), NGINX));
        assertEquals(List.of("sleep", "5"), ProcessArgs.argv(spec(List.of("sleep"), List.of("5")), NGINX));
    }

    @Test
    void nothingToRunIsAnErrorNamingTheField() {
        assertEquals("container.command",
                assertThrows(ContainerConfigException.class, () -> ProcessArgs.argv(spec(null, null), ImageDefaults.NONE)).field());
    }

    @Test
    void relativeWorkdirIsRefused() {
        ContainerSpec s = new ContainerSpec("img", null, null, null, null, "srv", null, null, null, null, null, null, false,
                null, null, null, null, null, null, null);
        assertEquals("container.workdir", assertThrows(ContainerConfigException.class, () -> ProcessArgs.cwd(s, NGINX)).field());
    }
}
