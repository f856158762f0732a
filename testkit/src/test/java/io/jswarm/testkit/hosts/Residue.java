package io.jswarm.testkit.hosts;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists what is left on the machine of a run, looking the way an operator would (ip netns, ip link,
 * nft list tables, /proc/mounts, /proc/PID/cmdline, cgroup directories, the run directory), not
 * through the harness's own bookkeeping.
 */
final class Residue {
    private Residue() {}

    static List<String> of(String runPrefix, Path runDir) throws IOException {
        List<String> left = new ArrayList<>();
        for (String line : Command.run("ip", "netns", "list").output().split("\n")) {
            if (line.contains(runPrefix)) {
                left.add("netns " + line);
            }
        }
        for (String line : Command.run("ip", "-o", "link", "show").output().split("\n")) {
            if (line.contains(runPrefix)) {
                left.add("link " + line);
            }
        }
        for (String line : Command.run("nft", "list", "tables").output().split("\n")) {
            if (line.contains(runPrefix)) {
                left.add("nft " + line);
            }
        }
        for (String line : Files.readAllLines(Path.of("/proc/mounts"))) {
            if (line.contains(runPrefix)) {
                left.add("mount " + line);
            }
        }
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path p : procs) {
                try {
                    String cmd = new String(Files.readAllBytes(p.resolve("cmdline"))).replace('\0', ' ');
                    if (cmd.contains(runPrefix) && !p.getFileName().toString().equals(Long.toString(ProcessHandle.current().pid()))) {
                        left.add("process " + p.getFileName() + ": " + cmd);
                    }
                } catch (IOException e) {
                    // exited while listing
                }
            }
        }
        for (Path h : Cgroups.hierarchies()) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(h, d -> d.getFileName().toString().startsWith(runPrefix))) {
                ds.forEach(d -> left.add("cgroup " + d));
            }
        }
        if (Files.exists(RunOwner.REGISTRY.resolve(runPrefix))) {
            left.add("owner record " + RunOwner.REGISTRY.resolve(runPrefix));
        }
        if (Files.exists(runDir)) {
            left.add("directory " + runDir);
        }
        return left;
    }
}
