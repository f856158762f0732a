package io.jswarm.compose.validate;

import java.util.Map;
import java.util.Set;

/**
 * The service keys jswarm accepts and the ones it reads but ignores with a warning, with the
 * reason shown to the user. Kept in one place so the README's list and the code cannot drift.
 */
final class IgnoredKeys {
    private IgnoredKeys() {}

    static final Set<String> SERVICE = Set.of("image", "command", "entrypoint", "environment", "env_file", "labels",
            "user", "working_dir", "hostname", "ports", "volumes", "tmpfs", "healthcheck", "stop_signal",
            "stop_grace_period", "restart", "init", "read_only", "cap_add", "cap_drop", "ulimits", "sysctls",
            "extra_hosts", "dns", "networks", "secrets", "configs", "depends_on", "deploy", "profiles");

    /**
     * Keys that change what a service is: ignoring them would deploy something else than the
     * file describes, so they are errors rather than warnings.
     */
    static final Map<String, String> SERVICE_UNSUPPORTED = Map.of(
            "extends", "not supported: merge the files with several -c instead");

    private static final String RESOURCES = "use deploy.resources";

    static final Map<String, String> SERVICE_IGNORED = Map.ofEntries(
            Map.entry("build", "jswarm deploys images; build and push the image first"),
            Map.entry("container_name", "task containers are named by the cluster"),
            Map.entry("links", "services reach each other by name on the stack's networks"),
            Map.entry("external_links", "services reach each other by name on the stack's networks"),
            Map.entry("network_mode", "tasks always join the stack's networks"),
            Map.entry("privileged", "privileged containers are not allowed in the cluster"),
            Map.entry("cgroup_parent", "the worker chooses the cgroup"),
            Map.entry("devices", "host devices are not passed to cluster tasks"),
            Map.entry("device_cgroup_rules", "host devices are not passed to cluster tasks"),
            Map.entry("dns_search", "not supported"),
            Map.entry("dns_opt", "not supported"),
            Map.entry("domainname", "not supported"),
            Map.entry("ipc", "tasks always get a private IPC namespace"),
            Map.entry("pid", "tasks always get a private PID namespace"),
            Map.entry("uts", "tasks always get a private UTS namespace"),
            Map.entry("userns_mode", "not supported"),
            Map.entry("mac_address", "addresses are assigned by the cluster"),
            Map.entry("security_opt", "not supported"),
            Map.entry("stdin_open", "tasks have no terminal"),
            Map.entry("tty", "tasks have no terminal"),
            Map.entry("logging", "task logs are kept by the worker"),
            Map.entry("expose", "every port is reachable on the stack's networks"),
            Map.entry("shm_size", "not supported"),
            Map.entry("cpus", RESOURCES),
            Map.entry("cpu_count", RESOURCES),
            Map.entry("cpu_percent", RESOURCES),
            Map.entry("cpu_shares", RESOURCES),
            Map.entry("cpu_quota", RESOURCES),
            Map.entry("cpu_period", RESOURCES),
            Map.entry("cpu_rt_runtime", RESOURCES),
            Map.entry("cpu_rt_period", RESOURCES),
            Map.entry("cpuset", RESOURCES),
            Map.entry("mem_limit", RESOURCES),
            Map.entry("mem_reservation", RESOURCES),
            Map.entry("mem_swappiness", RESOURCES),
            Map.entry("memswap_limit", RESOURCES),
            Map.entry("pids_limit", "use deploy.resources.limits.pids"),
            Map.entry("blkio_config", "not supported"),
            Map.entry("oom_kill_disable", "not supported"),
            Map.entry("oom_score_adj", "not supported"),
            Map.entry("group_add", "not supported"),
            Map.entry("platform", "the scheduler places tasks by constraint (node.platform.arch)"),
            Map.entry("pull_policy", "workers pull missing images"),
            Map.entry("scale", "use deploy.replicas"),
            Map.entry("runtime", "the worker chooses the OCI runtime"),
            Map.entry("isolation", "not supported"),
            Map.entry("credential_spec", "not supported"),
            Map.entry("volumes_from", "not supported in a cluster"),
            Map.entry("storage_opt", "not supported"),
            Map.entry("annotations", "not supported"),
            Map.entry("attach", "not used by deploy"),
            Map.entry("develop", "not used by deploy"),
            Map.entry("gpus", "not supported"),
            Map.entry("post_start", "lifecycle hooks are not supported"),
            Map.entry("pre_stop", "lifecycle hooks are not supported"),
            Map.entry("label_file", "not supported"),
            Map.entry("stop_timeout", "use stop_grace_period"),
            Map.entry("cgroup", "tasks always get a private cgroup namespace"),
            Map.entry("models", "not supported"),
            Map.entry("provider", "not supported"),
            Map.entry("pre_start", "lifecycle hooks are not supported"),
            Map.entry("pull_refresh_after", "workers pull missing images"),
            Map.entry("use_api_socket", "there is no Docker API socket on jswarm nodes"));
}
