package io.jswarm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackConfigCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsTheResolvedFileWithVariablesAndMergedOverrides() throws Exception {
        Path base = Files.writeString(dir.resolve("stack.yml"), """
                services:
                  web:
                    image: busybox:${TAG:-1.36}
                    command: httpd -f -p 80
                    deploy:
                      replicas: 2
                """);
        Path prod = Files.writeString(dir.resolve("prod.yml"), """
                services:
                  web:
                    deploy:
                      replicas: 5
                """);
        CliRun run = CliRun.of("stack", "config", "-c", base.toString(), "-c", prod.toString(), "shop");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("busybox:1.36"), run.out());
        assertTrue(run.out().contains("replicas: 5"), run.out());
        assertFalse(run.out().contains("replicas: 2"), run.out());
    }

    @Test
    void everyProblemIsReportedWithFileLineAndColumn() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yml"), """
                services:
                  web:
                    imgae: busybox
                    deploy:
                      replicas: three
                """);
        CliRun run = CliRun.of("stack", "config", "-c", bad.toString());
        assertEquals(ExitCodes.FAILED, run.exitCode());
        assertTrue(run.err().contains("bad.yml:3:5: services.web.imgae: unknown key \"imgae\" (did you mean \"image\"?)"), run.err());
        assertTrue(run.err().contains("bad.yml:5:17: services.web.deploy.replicas"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace");
        assertEquals("", run.out(), "nothing printed on stdout for an invalid file");
    }

    @Test
    void aMissingFileIsOneClearLine() {
        CliRun run = CliRun.of("stack", "config", "-c", dir.resolve("nope.yml").toString());
        assertEquals(ExitCodes.FAILED, run.exitCode());
        assertTrue(run.err().startsWith("jswarm: ") && run.err().contains("nope.yml"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void inheritedGlobalOptionsWorkHereToo() throws Exception {
        Path base = Files.writeString(dir.resolve("s.yml"), "services:\n  a:\n    image: busybox\n");
        CliRun run = CliRun.of("stack", "config", "--debug", "-c", base.toString());
        assertEquals(0, run.exitCode(), run.err());
    }
}
