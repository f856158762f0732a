package io.jswarm.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real file-system path: relative paths, the default .env, secrets, a missing file. */
class DiskLoadTest {
    @TempDir
    Path dir;

    @Test
    void loadsFromDiskRelativeToTheFirstFile() throws IOException {
        Path project = Files.createDirectories(dir.resolve("My Shop"));
        Files.writeString(project.resolve("compose.yml"), """
                services:
                  web:
                    image: web:${TAG}
                    env_file: web.env
                    volumes: ["./html:/srv"]
                    secrets: [key]
                secrets:
                  key: {file: key.txt}
                """);
        Files.writeString(project.resolve(".env"), "TAG=5\n");
        Files.writeString(project.resolve("web.env"), "MODE=prod\n");
        Files.write(project.resolve("key.txt"), new byte[] {0, 1, 2, (byte) 0xff});
        LoadResult r = ComposeLoader.load(List.of(project.resolve("compose.yml")), new LoadOptions(Map.of(), List.of(), Set.of(), null));
        assertEquals("myshop", r.stackName(), "the directory name, normalized as Compose does");
        var c = r.services().get(0).task().container();
        assertEquals("web:5", c.image());
        assertEquals(List.of("MODE=prod"), c.env());
        assertEquals(project.resolve("html").toString(), c.mounts().get(0).source());
        assertEquals(4, r.secrets().get(0).data().size());
    }

    @Test
    void aMissingComposeFileIsAProblemNotAStackTrace() {
        Path missing = dir.resolve("nope.yml");
        ComposeException e = assertThrows(ComposeException.class, () -> ComposeLoader.load(List.of(missing), LoadOptions.of("s")));
        assertTrue(e.getMessage().contains(missing + ": cannot read the compose file: no such file"), e.getMessage());
    }

    @Test
    void aDirectoryGivenAsFileIsReportedToo() throws IOException {
        ComposeException e = assertThrows(ComposeException.class, () -> ComposeLoader.load(List.of(dir), LoadOptions.of("s")));
        assertTrue(e.getMessage().contains("cannot read the compose file"), e.getMessage());
    }
}
