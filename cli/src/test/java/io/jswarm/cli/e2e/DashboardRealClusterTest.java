package io.jswarm.cli.e2e;

import io.jswarm.testkit.browser.HeadlessChromium;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jswarm.api.json.Json;
import io.jswarm.testkit.BusyboxRootfs;
import io.jswarm.testkit.images.BusyboxImage;
import io.jswarm.testkit.images.ImageArchives;
import io.jswarm.testkit.images.TestImage;
import io.jswarm.worker.runtime.RuntimeConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard of a REAL two-node cluster on this machine in headless Chromium: node A inits
 * (manager and worker, dashboard on loopback), node B joins as a worker; in the browser: log in
 * with the token init printed, both nodes as columns, scale a real service 1 → 3 from the service
 * page and see three RUNNING cards, drain B from the nodes view and see its cards move to A,
 * deploy a Compose stack pasted into the stacks view and see it converge, see the scheduler's
 * "no suitable node" reason of a service that cannot fit, see a markup-like label as text, log out.
 * Screenshots of the main views go to target/screenshots. Runs as root with runc, tini,
 * busybox-static, chromium and chromedriver; skipped otherwise. Nothing of either node is left.
 */
class DashboardRealClusterTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration CONVERGE = Duration.ofSeconds(45);
    private static final String EVIL = "<img src=x onerror=alert(1)>";

    private Path root;
    private LocalNode a;
    private LocalNode b;
    private HeadlessChromium chromium;
    private ChromeDriver browser;
    private String base;

    static boolean rootWithTools() {
        return "root".equals(System.getProperty("user.name")) && Files.isExecutable(RuntimeConfig.DEBIAN_TINI)
                && BusyboxRootfs.available() && HeadlessChromium.installed()
                && (Files.isExecutable(Path.of("/usr/sbin/runc")) || Files.isExecutable(Path.of("/usr/bin/runc")));
    }

    @Test
    @Timeout(240)
    void theDashboardOfARealTwoNodeCluster() throws Exception {
        assumeTrue(rootWithTools(), "needs root, runc, tini-static, busybox-static, chromium and chromedriver");
        int n = ThreadLocalRandom.current().nextInt(2, 249);
        root = Files.createTempDirectory("jswarm-ui-e2e");
        a = new LocalNode(root.resolve("node-a"), "jswuia" + n);
        b = new LocalNode(root.resolve("node-b"), "jswuib" + n);
        String addrA = "127.0.95." + n + ":" + (27000 + n * 2);
        String addrB = "127.0.95." + (n + 1) + ":" + (27001 + n * 2);
        int dashboardPort = 28000 + n;
        base = "http://127.0.0.1:" + dashboardPort;
        String tag = "ui" + n;

        TestImage image = BusyboxImage.build(root);
        Path archive = root.resolve("busybox.tar");
        Files.write(archive, ImageArchives.oci(image, "busybox:" + tag));
        a.start("--hostname", "node-a", "--bridge", a.bridge, "--subnet", "10.216." + n + ".0/24",
                "--dashboard-addr", "127.0.0.1:" + dashboardPort);
        b.start("--hostname", "node-b", "--bridge", b.bridge, "--subnet", "10.217." + n + ".0/24", "--dashboard-addr", "none");
        a.ok("image", "load", "-i", archive.toString());
        b.ok("image", "load", "-i", archive.toString());

        String init = a.ok("init", "--advertise-addr", addrA, "--heartbeat-period", "500ms").out();
        a.nodeId = find("current node \\((\\S+)\\)", init);
        String adminToken = find("(SWMDASH-\\S+)", init);
        String workerToken = find("--token (\\S+)", a.ok("join-token", "worker").out());
        b.ok("join", "--token", workerToken, "--advertise-addr", addrB, addrA);
        b.nodeId = await(CONVERGE, "node-b in the node list", () -> {
            for (JsonNode node : Json.mapper().readTree(a.ok("node", "ls", "--format", "json").out())) {
                if ("node-b".equals(node.path("description").path("hostname").asText())) {
                    return node.path("id").asText();
                }
            }
            return null;
        });

        chromium = new HeadlessChromium();
        browser = chromium.driver;
        Files.createDirectories(SCREENSHOTS);

        // Log in with the token init showed; both nodes are columns.
        browser.get(base + "/");
        await(Duration.ofSeconds(10), "the login page", () -> browser.getCurrentUrl().endsWith("/login"));
        browser.findElement(By.id("token")).sendKeys(adminToken);
        browser.findElement(By.id("login-button")).click();
        await(Duration.ofSeconds(15), "the dashboard, live", () -> text(By.id("connection")).equals("live"));
        await(CONVERGE, "two READY node columns", () -> column(a.nodeId).contains("READY") && column(b.nodeId).contains("READY"));
        assertTrue(column(a.nodeId).contains("leader"), column(a.nodeId));
        assertTrue(column(b.nodeId).contains("worker"), column(b.nodeId));

        // A service made with the CLI, scaled to 3 from its page (reached from the services view).
        a.ok("service", "create", "-d", "--name", "web", "--replicas", "1", "--", "busybox:" + tag, "sleep", "600");
        String web = serviceId("web");
        await(CONVERGE, "web.1 RUNNING", () -> running(web).size() == 1);
        browser.findElement(By.cssSelector("nav a[data-view=services]")).click();
        await(Duration.ofSeconds(10), "web in the services", () -> browser.findElement(
                By.cssSelector("#services-table tr[data-service-id='" + web + "'] a.service-name"))).click();
        await(Duration.ofSeconds(10), "the service page", () -> text(By.tagName("h1")).equals("web"));
        WebElement replicas = browser.findElement(By.id("scale-input"));
        replicas.clear();
        replicas.sendKeys("3");
        browser.findElement(By.id("scale-button")).click();
        browser.findElement(By.cssSelector("nav a[data-view=visualizer]")).click();
        await(CONVERGE, "three RUNNING web cards", () -> running(web).size() == 3);
        assertEquals(3, Json.mapper().readTree(a.ok("service", "inspect", "web").out()).path(0)
                .path("spec").path("mode").path("replicas").asInt(3), "the scale reached the manager");
        await(CONVERGE, "web spread over both nodes", () -> cardsOn(b.nodeId, web) > 0 && cardsOn(a.nodeId, web) > 0);
        screenshot("real-visualizer");
        browser.findElement(By.cssSelector("nav a[data-view=services]")).click();
        await(Duration.ofSeconds(10), "web at 3/3", () -> text(By.cssSelector("#services-table tr[data-service-id='" + web + "']"))
                .contains("3/3"));
        screenshot("real-services");

        // Drain node B from the nodes view: its cards move to A.
        browser.findElement(By.cssSelector("nav a[data-view=nodes]")).click();
        await(Duration.ofSeconds(10), "node-b's drain button", () -> browser.findElement(
                By.cssSelector("#nodes-table tr[data-node-id='" + b.nodeId + "'] button[data-action=DRAIN]"))).click();
        await(Duration.ofSeconds(10), "the confirmation", () -> browser.findElement(By.id("confirm-dialog")).isDisplayed());
        browser.findElement(By.id("confirm-ok")).click();
        await(Duration.ofSeconds(15), "node-b DRAIN in the table", () -> text(By.cssSelector("#nodes-table tr[data-node-id='"
                + b.nodeId + "']")).contains("DRAIN"));
        screenshot("real-nodes");
        browser.findElement(By.cssSelector("nav a[data-view=visualizer]")).click();
        await(CONVERGE, "no cards on node-b, three RUNNING web cards on node-a", () -> cardsOn(b.nodeId, null) == 0
                && cardsOn(a.nodeId, web) == 3 && running(web).size() == 3);

        // A stack pasted into the stacks view: front starts only once back has started.
        browser.findElement(By.cssSelector("nav a[data-view=stacks]")).click();
        await(Duration.ofSeconds(10), "the deploy form", () -> browser.findElement(By.id("compose-text")).isDisplayed());
        browser.findElement(By.id("stack-name")).sendKeys("shop");
        browser.findElement(By.id("compose-text")).sendKeys("""
                services:
                  back:
                    image: busybox:%s
                    command: ["sleep", "600"]
                  front:
                    image: busybox:%s
                    command: ["sleep", "600"]
                    depends_on:
                      back:
                        condition: service_started
                """.formatted(tag, tag));
        browser.findElement(By.id("deploy-button")).click();
        await(CONVERGE, "the shop stack listed with both services", () -> {
            String s = text(By.cssSelector(".stack[data-stack=shop]"));
            return s.contains("shop_back") && s.contains("shop_front");
        });
        String back = serviceId("shop_back");
        String front = serviceId("shop_front");
        screenshot("real-stacks");
        browser.findElement(By.cssSelector("nav a[data-view=visualizer]")).click();
        await(CONVERGE, "the stack's cards RUNNING", () -> running(back).size() == 1 && running(front).size() == 1);
        // depends_on service_started: front's task was created only once back's task was running.
        JsonNode backTask = Json.mapper().readTree(a.ok("service", "ps", "shop_back", "--format", "json").out()).get(0);
        JsonNode frontTask = Json.mapper().readTree(a.ok("service", "ps", "shop_front", "--format", "json").out()).get(0);
        java.time.Instant backRunning = java.time.Instant.parse(backTask.path("status").path("timestamp").asText());
        java.time.Instant frontCreated = java.time.Instant.parse(frontTask.path("meta").path("createdAt").asText());
        assertTrue(!frontCreated.isBefore(backRunning), "front created " + frontCreated + " before back ran " + backRunning);

        // A reservation no node can hold: the card waits unplaced with the scheduler's reason.
        a.ok("service", "create", "-d", "--name", "big", "--reserve-memory", "1000G", "--", "busybox:" + tag, "sleep", "600");
        await(CONVERGE, "the reason on the unplaced card", () -> text(By.cssSelector(".node-col.unassigned")).contains("no suitable node"));
        screenshot("real-visualizer-unplaced");

        // A label that looks like markup is shown as text on the service page.
        a.ok("service", "create", "-d", "--name", "evil", "--label", "note=" + EVIL, "--", "busybox:" + tag, "sleep", "600");
        String evil = serviceId("evil");
        browser.get(base + "/#/services/" + evil);
        await(Duration.ofSeconds(10), "the evil service page", () -> text(By.tagName("h1")).equals("evil"));
        await(Duration.ofSeconds(10), "the label as text", () -> text(By.cssSelector(".spec")).contains("note=" + EVIL));
        assertTrue(browser.findElements(By.tagName("img")).isEmpty(), "no img element was created");
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());

        browser.findElement(By.id("logout")).click();
        await(Duration.ofSeconds(10), "back at the login", () -> browser.getCurrentUrl().endsWith("/login"));
        browser.get(base + "/");
        await(Duration.ofSeconds(10), "still logged out", () -> browser.getCurrentUrl().endsWith("/login"));

        chromium.close();
        chromium = null;
        b.ok("leave", "--force");
        b.stop();
        a.ok("leave", "--force");
        a.stop();
        List<String> left = new ArrayList<>(a.leftovers());
        left.addAll(b.leftovers());
        assertEquals(List.of(), left, "nothing of either node may remain on the host");
    }

    // ---- helpers ----

    private static String find(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "no " + regex + " in: " + text);
        return m.group(1);
    }

    private String serviceId(String name) throws IOException {
        return Json.mapper().readTree(a.ok("service", "inspect", name).out()).path(0).path("id").asText();
    }

    /** The RUNNING cards of a service in the visualizer (found afresh: a render may replace them). */
    private List<WebElement> running(String serviceId) {
        return browser.findElements(By.cssSelector(".card.task-running[data-service-id='" + serviceId + "']"));
    }

    private int cardsOn(String nodeId, String serviceId) {
        return browser.findElements(By.cssSelector(".node-col[data-node-id='" + nodeId + "'] .card"
                + (serviceId == null ? "" : "[data-service-id='" + serviceId + "']"))).size();
    }

    private String column(String nodeId) {
        return text(By.cssSelector(".node-col[data-node-id='" + nodeId + "']"));
    }

    private String text(By by) {
        List<WebElement> found = browser.findElements(by);
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    private void screenshot(String name) throws IOException {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.move(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    interface Probe<T> {
        T get() throws Exception;
    }

    /** Polls until the probe holds (true or non-null); fails with the page and the daemons' log tails. */
    private <T> T await(Duration timeout, String what, Probe<T> probe) {
        if (browser == null) {
            return io.jswarm.testkit.Await.until(what, timeout, probe::get, v -> v != null && !Boolean.FALSE.equals(v));
        }
        try {
            return new WebDriverWait(browser, timeout, Duration.ofMillis(100))
                    // a render may replace an element between finding it and reading it
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class).withMessage(() -> what + "; page "
                    + browser.getCurrentUrl() + " shows: " + clip(text(By.tagName("main")), 800)).until(d -> {
                        try {
                            T v = probe.get();
                            return Boolean.FALSE.equals(v) ? null : v;
                        } catch (RuntimeException e) {
                            throw e;
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(e.getMessage() + "\nnode-a log tail: " + tail(a) + "\nnode-b log tail: " + tail(b), e);
        }
    }

    private static String tail(LocalNode node) {
        String log = node == null ? "" : node.daemonLog();
        return log.substring(Math.max(0, log.length() - 1500));
    }

    private static String clip(String s, int max) {
        return s.substring(0, Math.min(max, s.length()));
    }

    /** Even after a failure: quit the browser (its profile is deleted), leave and stop both nodes, remove by name. */
    @AfterEach
    void cleanUp() throws Exception {
        try {
            if (chromium != null) {
                chromium.close();
            }
        } finally {
            try {
                if (b != null) {
                    b.cleanUp();
                }
            } finally {
                try {
                    if (a != null) {
                        a.cleanUp();
                    }
                } finally {
                    if (root != null) {
                        deleteTree(root);
                    }
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
