package io.jswarm.bench.raft;

import io.jswarm.manager.api.Wire;
import io.jswarm.manager.client.ApiClient;
import io.jswarm.manager.client.ApiResponse;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpMethod;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code writers} closed-loop writers, each putting small objects with unique keys and values one
 * after another through a manager's API for a fixed time. Records every latency.
 */
final class WriteLoad {
    record Result(int writers, long ops, double seconds, long failures, double p50Ms, double p99Ms, String firstError) {
        Result(int writers, long ops, double seconds, long failures, double p50Ms, double p99Ms) {
            this(writers, ops, seconds, failures, p50Ms, p99Ms, null);
        }

        double perSecond() {
            return ops / seconds;
        }
    }

    private WriteLoad() {}

    static Result run(ApiClient api, int writers, long millis, String prefix) {
        long end = System.nanoTime() + millis * 1_000_000L;
        AtomicLong failures = new AtomicLong();
        java.util.concurrent.atomic.AtomicReference<String> firstError = new java.util.concurrent.atomic.AtomicReference<>();
        List<long[]> latencies = new ArrayList<>();
        List<Future<Void>> done = new ArrayList<>();
        long start = System.nanoTime();
        for (int w = 0; w < writers; w++) {
            long[] lat = new long[2_000_000];
            latencies.add(lat);
            int[] n = {0};
            String key = prefix + "-w" + w + "-";
            Promise<Void> p = Promise.promise();
            done.add(p.future());
            loop(api, key, lat, n, end, failures, firstError, p);
        }
        Future.all(done).await();
        double seconds = (System.nanoTime() - start) / 1e9;
        long total = 0;
        for (long[] lat : latencies) {
            for (long l : lat) {
                if (l > 0) {
                    total++;
                }
            }
        }
        long[] all = new long[(int) total];
        int i = 0;
        for (long[] lat : latencies) {
            for (long l : lat) {
                if (l > 0) {
                    all[i++] = l;
                }
            }
        }
        Arrays.sort(all);
        return new Result(writers, total, seconds, failures.get(), pct(all, 0.50), pct(all, 0.99), firstError.get());
    }

    private static double pct(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) (q * sorted.length))] / 1e6;
    }

    private static void loop(ApiClient api, String key, long[] lat, int[] n, long end, AtomicLong failures,
                             java.util.concurrent.atomic.AtomicReference<String> firstError, Promise<Void> p) {
        if (System.nanoTime() > end || n[0] >= lat.length) {
            p.complete();
            return;
        }
        int i = n[0]++;
        String id = key + i;
        long t0 = System.nanoTime();
        api.call(null, HttpMethod.PUT, "/v1/objects/" + id, new Wire.ObjectWrite(id, "value-" + id)).onComplete(ar -> {
            ApiResponse r = ar.succeeded() ? ar.result() : null;
            if (r != null && r.ok()) {
                lat[i] = Math.max(1, System.nanoTime() - t0);
            } else {
                failures.incrementAndGet();
                firstError.compareAndSet(null, r != null ? r.status() + " " + r.error() : String.valueOf(ar.cause()));
            }
            loop(api, key, lat, n, end, failures, firstError, p);
        });
    }
}
