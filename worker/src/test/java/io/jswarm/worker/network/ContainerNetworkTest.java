package io.jswarm.worker.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.api.service.PortConfig;
import io.jswarm.api.service.Protocol;
import io.jswarm.api.service.PublishMode;
import io.jswarm.api.task.ContainerSpec;
import io.jswarm.api.task.Resources;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskState;
import io.jswarm.worker.task.ContainerController;
import io.jswarm.worker.task.TaskStep;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import io.jswarm.testkit.Await;
import io.jswarm.worker.runtime.Command;
import io.jswarm.worker.runtime.ContainerRequest;
import io.jswarm.worker.runtime.NetworkEndpoint;
import io.jswarm.worker.runtime.RootOnly;
import io.jswarm.worker.runtime.RuntimeFixture;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real containers on a real bridge, inside a lab namespace that stands in for the host: isolation
 * (pid, uts, net, mount) and a published port answering on the host's loopback.
 */
class ContainerNetworkTest {
    static RuntimeFixture fx;
    static NetworkLab lab;
    static final List<String> attached = new ArrayList<>();

    @BeforeAll
    static void setUp() throws Exception {
        RootOnly.assume();
        fx = new RuntimeFixture();
        lab = new NetworkLab(fx.node);
    }

    @AfterAll
    static void tearDown() throws Exception {
        try {
            if (fx != null) {
                fx.close();
            }
        } finally {
            if (lab != null) {
                attached.forEach(lab.network::detach);
                lab.close();
                assertEquals(List.of(), NetworkLab.leftovers(fx.node));
                assertEquals(List.of(), fx.leftovers());
            }
        }
    }

    private String run(String name, ContainerSpec spec) {
        String id = fx.id(name);
        attached.add(id);
        NetworkEndpoint ep = lab.network.attach(id);
        fx.runtime.create(new ContainerRequest(id, spec, Resources.NONE, fx.busybox, ep));
        fx.runtime.start(id);
        return id;
    }

    private String exec(String id, String... argv) {
        Command.Result r = fx.runtime.exec(id, List.of(argv), Duration.ofSeconds(10));
        assertEquals(0, r.exitCode(), String.join(" ", argv) + ": " + r.stderr());
        return r.stdout();
    }

    @Test
    void containerSeesOnlyItsOwnProcessesHostnameLinksAndFiles() throws Exception {
        ContainerSpec spec = new ContainerSpec("busybox", null, List.of("sh", "-c", "echo data > /written; echo ready; exec sleep 600"),
                null, null, null, "iso-host", null, null, null, null, null, false, null, null, null, null, null, null, null);
        String id = run("iso", spec);
        Await.until("the container wrote its file", Duration.ofSeconds(10),
                () -> Files.readString(fx.runtime.dirs(id).stdoutLog()).contains("ready"));

        assertEquals("tini", exec(id, "cat", "/proc/1/comm").strip());
        List<String> comms = exec(id, "ps", "-o", "comm").lines().skip(1).map(String::strip).sorted().toList();
        assertEquals(List.of("ps", "sleep", "tini"), comms);
        assertEquals("iso-host", exec(id, "hostname").strip());
        List<String> links = exec(id, "ip", "-o", "link").lines().map(l -> l.split(":")[1].strip().split("@")[0]).toList();
        assertEquals(List.of("lo", "eth0"), links);
        String gateway = lab.network.config().subnet().gateway();
        exec(id, "ping", "-c", "1", "-W", "3", gateway);

        assertFalse(Files.exists(fx.busybox.layerDirs().get(0).resolve("written")), "the write reached the image layer");
        assertTrue(Files.exists(fx.runtime.dirs(id).upper().resolve("written")));
        fx.runtime.stop(id, "TERM", Duration.ofSeconds(5));
        fx.runtime.remove(id);
        lab.network.detach(id);
        assertFalse(Files.exists(fx.runtime.dirs(id).upper()));
        assertFalse(Files.exists(lab.network.netnsPath(id)));
    }

    @Test
    void publishedPortAnswersOnTheHostLoopback() {
        String id = run("web", ContainerSpec.of("busybox", "sh", "-c",
                "echo hello-from-container > /var/www/index.html; exec httpd -f -p 80 -h /var/www"));
        lab.network.publish(id, List.of(new PortConfig(null, Protocol.TCP, 80, 18080, PublishMode.HOST)));
        Command.Result got = Await.until("httpd answers on 127.0.0.1:18080", Duration.ofSeconds(10),
                () -> lab.httpGet(18080, "/"),
                r -> r.ok() && r.stdout().contains("hello-from-container"));
        assertTrue(got.ok());
        lab.network.detach(id);
        assertFalse(lab.httpGet(18080, "/").stdout().contains("hello-from-container"),
                "the port still answers after detach");
        fx.runtime.stop(id, "TERM", Duration.ofSeconds(5));
        fx.runtime.remove(id);
    }

    @Test
    void controllerWiresNetworkAndPortsAndRefusesAPortAlreadyTaken() {
        var scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            List<PortConfig> ports = List.of(new PortConfig(null, Protocol.TCP, 80, 18081, PublishMode.HOST));
            ContainerSpec web = ContainerSpec.of("busybox", "sh", "-c",
                    "echo via-controller > /var/www/index.html; exec httpd -f -p 80 -h /var/www");
            Task first = io.jswarm.worker.task.TestTasks.assigned(fx.id("ctl1"), web);
            Task second = io.jswarm.worker.task.TestTasks.assigned(fx.id("ctl2"), web);
            attached.add(first.id());
            attached.add(second.id());
            ContainerController c1 = new ContainerController(first, fx.runtime, lab.network, ref -> fx.busybox, ports, scheduler, Clock.systemUTC());
            ContainerController c2 = new ContainerController(second, fx.runtime, lab.network, ref -> fx.busybox, ports, scheduler, Clock.systemUTC());
            Task t1 = drive(first, c1);
            assertEquals(TaskState.RUNNING, t1.status().state(), t1.status().toString());
            Await.until("the port answers through the controller's wiring", Duration.ofSeconds(10),
                    () -> lab.httpGet(18081, "/"), r -> r.stdout().contains("via-controller"));
            Task t2 = drive(second, c2);
            assertEquals(TaskState.FAILED, t2.status().state());
            assertEquals("port 18081/tcp is already published on this node by " + first.id(), t2.status().error());
            c2.remove();
            Task stopped = TaskStep.step(t1.withDesiredState(TaskState.SHUTDOWN), c1, Clock.systemUTC());
            assertEquals(TaskState.SHUTDOWN, stopped.status().state());
            c1.remove();
            assertFalse(Files.exists(lab.network.netnsPath(first.id())));
            assertFalse(Files.exists(lab.network.netnsPath(second.id())));
        } finally {
            scheduler.shutdownNow();
        }
    }

    private static Task drive(Task start, ContainerController c) {
        AtomicReference<Task> t = new AtomicReference<>(start);
        return Await.until("task runs or ends", Duration.ofSeconds(20), () -> {
            t.set(TaskStep.step(t.get(), c, Clock.systemUTC()));
            return t.get();
        }, x -> x.status().state() == TaskState.RUNNING || x.status().state().isTerminal());
    }

    @Test
    void startUpRemovesNetworksOfContainersThatDoNotExistAndReattachRebuildsLeftovers() {
        String ghost = fx.id("ghost");
        attached.add(ghost);
        lab.network.attach(ghost); // a worker died right after attaching, before creating
        assertTrue(lab.network.attachedIds().contains(ghost));
        String again = fx.id("again");
        attached.add(again);
        lab.network.attach(again);
        String secondIp = lab.network.attach(again).ipAddress(); // the retried prepare rebuilds it
        assertTrue(Files.exists(lab.network.netnsPath(again)));
        String inside = NetworkLab.run("ip", "-n", lab.network.config().netnsName(again), "-o", "-4", "addr", "show", "dev", "eth0");
        assertTrue(inside.contains(secondIp + "/"), inside);

        io.jswarm.worker.task.NodeRecovery.Result r = io.jswarm.worker.task.NodeRecovery.run(fx.runtime, lab.network);
        assertTrue(r.reapedNetworks().containsAll(List.of(ghost, again)), r.toString());
        assertFalse(Files.exists(lab.network.netnsPath(ghost)));
    }
}
