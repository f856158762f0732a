package io.jswarm.worker.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.api.task.ContainerSpec;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskState;
import io.jswarm.api.task.TaskStatus;
import io.jswarm.testkit.Await;
import io.jswarm.testkit.images.BusyboxImage;
import io.jswarm.testkit.images.ImageArchives;
import io.jswarm.testkit.images.TestImage;
import io.jswarm.worker.image.ArchiveLoader;
import io.jswarm.worker.image.ClusterFetcher;
import io.jswarm.worker.image.ImagePlatform;
import io.jswarm.worker.image.ImageProvider;
import io.jswarm.worker.image.ImageStore;
import io.jswarm.worker.image.Puller;
import io.jswarm.worker.image.PullPolicy;
import io.jswarm.worker.image.RegistryConfig;
import io.jswarm.worker.runtime.ContainerRuntime;
import io.jswarm.worker.runtime.OciState;
import io.jswarm.worker.runtime.RootOnly;
import io.jswarm.worker.runtime.RuntimeConfig;
import io.jswarm.worker.runtime.RuntimeFixture;
import io.jswarm.worker.task.EffectiveSpec;
import io.jswarm.worker.task.TestTasks;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The agent over real containers: image store → PreparedImage → overlay → runc, assignments in,
 * batched statuses out, adoption by a second agent over the same node state.
 */
class AgentContainersTest {
    static final String IMAGE = "busybox:agent-test";
    /** The same busybox layer with a health check in the image config that always fails. */
    static final String UNHEALTHY_IMAGE = "busybox:agent-unhealthy";
    static String imageDigest;
    static RuntimeFixture fx;
    static Path imageRoot;
    static ImageStore store;
    static ScheduledExecutorService health;

    final List<WorkerAgent> agents = new ArrayList<>();

    @BeforeAll
    static void setUp() throws Exception {
        RootOnly.assume();
        fx = new RuntimeFixture();
        health = Executors.newSingleThreadScheduledExecutor();
        imageRoot = Files.createTempDirectory("jswarm-agent-images");
        store = ImageStore.open(imageRoot.resolve("images"), Clock.systemUTC());
        TestImage.Layer layer = BusyboxImage.layer(imageRoot);
        TestImage busybox = TestImage.builder().layer(layer).build();
        imageDigest = busybox.manifestDigest();
        TestImage unhealthy = TestImage.builder().layer(layer).configBody("\"Cmd\":[\"sh\"],"
                + "\"Healthcheck\":{\"Test\":[\"CMD-SHELL\",\"echo probe says no; exit 1\"],\"Interval\":300000000,\"Retries\":2}")
                .build();
        Path archive = imageRoot.resolve("image.tar");
        for (var e : Map.of(IMAGE, busybox, UNHEALTHY_IMAGE, unhealthy).entrySet()) {
            Files.write(archive, ImageArchives.oci(e.getValue(), e.getKey()));
            new ArchiveLoader(store, ImagePlatform.LINUX_AMD64).load(archive);
            Files.delete(archive);
        }
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (health != null) {
            health.shutdownNow();
        }
        if (fx != null) {
            fx.close();
            assertEquals(List.of(), fx.leftovers());
        }
        if (imageRoot != null) {
            try (var paths = Files.walk(imageRoot)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @AfterEach
    void closeAgents() {
        agents.forEach(a -> a.close(Duration.ofSeconds(20)));
    }

    /** An agent over a runtime of its own (as a restarted worker would have) on the fixture's node state. */
    static StoreImageSource images() {
        RegistryConfig registries = RegistryConfig.defaults();
        ImageProvider provider = new ImageProvider(store, new Puller(store, registries, HttpClient.newHttpClient()),
                new ClusterFetcher(store, registries));
        return new StoreImageSource(store, provider, PullPolicy.NEVER, Clock.systemUTC());
    }

    WorkerAgent agent(RecordingReporter reporter) {
        ContainerRuntime runtime = ContainerRuntime.onThisHost(RuntimeConfig.of(fx.dataDir, fx.node, Clock.systemUTC()));
        StoreImageSource images = images();
        ContainerControllers controllers = new ContainerControllers(runtime, null, images, t -> List.of(), health, Clock.systemUTC());
        WorkerAgent a = new WorkerAgent(controllers, new RuntimeNodeContainers(runtime, null), reporter,
                AgentConfig.defaults().withObserveInterval(Duration.ofMillis(200)), Clock.systemUTC());
        agents.add(a);
        a.start();
        return a;
    }

    static Task task(String id, String... args) {
        return TestTasks.assigned(id, ContainerSpec.of(IMAGE, args));
    }

    static TaskStatus awaitState(RecordingReporter r, String id, TaskState state) {
        return Await.until(id + " reported " + state, Duration.ofSeconds(30),
                () -> r.latest(id).orElse(null), s -> s != null && s.state() == state);
    }

    static long runcCount(String... ids) {
        List<String> wanted = List.of(ids);
        return fx.runtime.oci().list().stream().map(OciState::id).filter(wanted::contains).count();
    }

    @Test
    void runsAFullSetStopsOnShutdownAndStartsAnAddedTask() {
        RecordingReporter r = new RecordingReporter();
        WorkerAgent agent = agent(r);
        String a = fx.id("a");
        String b = fx.id("b");
        String c = fx.id("c");
        agent.full(List.of(task(a, "sleep", "300"), task(b, "sleep", "300")));
        awaitState(r, a, TaskState.RUNNING);
        awaitState(r, b, TaskState.RUNNING);
        int batches = r.batchesMentioning(a, b);
        assertTrue(batches <= 4, "ACCEPTED…RUNNING of two tasks in " + batches + " batches: " + r.batches());
        assertEquals(2, runcCount(a, b));
        assertEquals(imageDigest, fx.runtime.load(a).orElseThrow().spec().labels().get(EffectiveSpec.IMAGE_DIGEST_LABEL),
                "the container records its image's digest");
        assertTrue(images().pinned(fx.runtime).contains(io.jswarm.worker.image.Digest.parse(imageDigest)),
                "a fresh image source (no hand-outs) pins the image from the container records alone");

        agent.changed(List.of(AssignmentChange.updated(task(a, "sleep", "300").withDesiredState(TaskState.SHUTDOWN))));
        awaitState(r, a, TaskState.SHUTDOWN);
        assertTrue(fx.runtime.exitStatus(a).isPresent(), "the container was stopped");
        assertEquals(TaskState.RUNNING, r.latest(b).orElseThrow().state());

        agent.changed(List.of(AssignmentChange.added(task(c, "sh", "-c", "echo done"))));
        TaskStatus done = awaitState(r, c, TaskState.COMPLETE);
        assertEquals(0, done.container().exitCode());

        // Cleanup through the agent: an empty full set removes everything.
        agent.full(List.of());
        Await.until("all containers removed", Duration.ofSeconds(30), () -> fx.runtime.containerIds(), List::isEmpty);
    }

    @Test
    void aNewAgentAdoptsWithoutDuplicatesAndRemovesWhatIsNoLongerAssigned() {
        RecordingReporter r1 = new RecordingReporter();
        WorkerAgent first = agent(r1);
        String d = fx.id("d");
        String e = fx.id("e");
        first.full(List.of(task(d, "sleep", "300"), task(e, "sleep", "300")));
        awaitState(r1, d, TaskState.RUNNING);
        awaitState(r1, e, TaskState.RUNNING);
        Map<String, Task> asManagersSeeThem = first.tasks();
        first.close(Duration.ofSeconds(10)); // the worker goes away; its containers do not
        long pidD = fx.runtime.pid(d).orElseThrow();

        RecordingReporter r2 = new RecordingReporter();
        WorkerAgent second = agent(r2);
        second.full(List.of(asManagersSeeThem.get(d), asManagersSeeThem.get(e)));
        Await.until("both adopted and observed RUNNING", Duration.ofSeconds(30), () -> second.tasks(),
                m -> m.size() == 2 && m.values().stream().allMatch(t -> t.status().state() == TaskState.RUNNING));
        assertEquals(2, runcCount(d, e), "runc list: " + fx.runtime.oci().list());
        assertEquals(pidD, fx.runtime.pid(d).orElseThrow(), "the same process, not a second copy");

        second.full(List.of(asManagersSeeThem.get(d)));
        Await.until(e + " stopped and removed", Duration.ofSeconds(30), () -> fx.runtime.containerIds(), ids -> !ids.contains(e));
        assertEquals(0, runcCount(e));
        assertEquals(1, runcCount(d));
        assertTrue(r2.latest(e).isEmpty(), "adopted unchanged and then released: nothing to report, got " + r2.latest(e));

        second.full(List.of());
        Await.until("all containers removed", Duration.ofSeconds(30), () -> fx.runtime.containerIds(), List::isEmpty);
    }

    @Test
    void aTaskWhoseImageIsMissingIsRejected() {
        RecordingReporter r = new RecordingReporter();
        WorkerAgent agent = agent(r);
        String f = fx.id("f");
        agent.full(List.of(TestTasks.assigned(f, ContainerSpec.of("nosuch:1", "true"))));
        TaskStatus s = awaitState(r, f, TaskState.REJECTED);
        assertTrue(s.error().startsWith("image not found: nosuch:1"), s.error());
        assertTrue(fx.runtime.containerIds().isEmpty(), "a rejected task leaves nothing");
    }

    @Test
    void logsTailSinceTimestampsAndFollowUntilRemoved() throws Exception {
        RecordingReporter r = new RecordingReporter();
        WorkerAgent agent = agent(r);
        String g = fx.id("g");
        agent.full(List.of(task(g, "sh", "-c",
                "echo one; echo two >&2; echo three; sleep 1; echo four; i=0; while true; do i=$((i+1)); echo tick$i; sleep 0.2; done")));
        awaitState(r, g, TaskState.RUNNING);
        TaskLogs logs = new TaskLogs(fx.runtime);
        Await.until("four logged", Duration.ofSeconds(20), () -> logs.read(g, LogQuery.all()),
                l -> l.stream().anyMatch(x -> x.text().equals("four")));
        List<LogLine> all = logs.read(g, LogQuery.all());
        List<String> out = all.stream().filter(l -> l.stream() == LogLine.Stream.STDOUT).map(LogLine::text).toList();
        assertEquals(List.of("one", "three", "four"), out.subList(0, 3), "stdout in order: " + all);
        assertEquals(List.of("two"), all.stream().filter(l -> l.stream() == LogLine.Stream.STDERR).map(LogLine::text).toList());
        assertTrue(all.stream().allMatch(l -> l.time() != null), "every line stamped: " + all);

        List<LogLine> tail = logs.read(g, LogQuery.all().withTail(2));
        assertEquals(2, tail.size());
        LogLine four = all.stream().filter(l -> l.text().equals("four")).findFirst().orElseThrow();
        List<LogLine> since = logs.read(g, LogQuery.all().withSince(four.time()));
        assertEquals("four", since.get(0).text(), "since the time of 'four' (one second after the first lines): " + since);
        assertTrue(since.stream().noneMatch(l -> List.of("one", "two", "three").contains(l.text())));
        assertEquals(four.time() + " four", four.format(true));
        assertEquals("four", four.format(false));

        List<LogLine> followed = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
        try (TaskLogs.Follow f = logs.follow(g, LogQuery.all().withTail(0), followed::add, ended::countDown, health,
                Duration.ofMillis(100))) {
            Await.until("new ticks followed", Duration.ofSeconds(20), () -> List.copyOf(followed), l -> l.size() >= 3);
            assertTrue(followed.stream().allMatch(l -> l.text().startsWith("tick")), "only new lines: " + followed);
            agent.full(List.of());
            Await.until("the follow ends when the container is removed", Duration.ofSeconds(30), () -> ended.getCount() == 0);
        }
    }

    @Test
    void theImagesHealthCheckAppliesWhenTheSpecHasNone() {
        RecordingReporter r = new RecordingReporter();
        WorkerAgent agent = agent(r);
        String h = fx.id("h");
        agent.full(List.of(TestTasks.assigned(h, ContainerSpec.of(UNHEALTHY_IMAGE, "sleep", "300"))));
        TaskStatus failed = awaitState(r, h, TaskState.FAILED);
        assertTrue(failed.error().startsWith("unhealthy: ") && failed.error().contains("probe says no"), failed.error());
        assertTrue(fx.runtime.exitStatus(h).isPresent(), "the unhealthy container was stopped");
        agent.full(List.of());
        Await.until("all containers removed", Duration.ofSeconds(30), () -> fx.runtime.containerIds(), List::isEmpty);
    }
}
