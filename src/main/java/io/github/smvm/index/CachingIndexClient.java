package io.github.smvm.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The per-instance cache of project futures and the concurrency bound shared by all clients. The
 * first caller of a name loads it on its own thread; concurrent callers wait for the same future.
 * A semaphore bounds the loads in flight, across {@link #fetchAll} and direct calls.
 */
abstract class CachingIndexClient implements IndexClient {

    private final ConcurrentHashMap<String, CompletableFuture<ProjectResult>> cache = new ConcurrentHashMap<>();
    private final Semaphore inFlight;
    private final int maxInFlight;

    CachingIndexClient(IndexOptions options) {
        Objects.requireNonNull(options, "options");
        this.maxInFlight = options.maxInFlight();
        this.inFlight = new Semaphore(maxInFlight);
    }

    /** Loads one project, uncached; must not throw for expected failures. */
    abstract ProjectResult load(String normalisedName);

    @Override
    public final ProjectResult fetchProject(String name) {
        String n = Names.normalise(name);
        CompletableFuture<ProjectResult> mine = new CompletableFuture<>();
        CompletableFuture<ProjectResult> existing = cache.putIfAbsent(n, mine);
        if (existing != null) {
            return existing.join();
        }
        ProjectResult result = null;
        try {
            if (n.isEmpty() || n.indexOf('/') >= 0 || n.indexOf('\\') >= 0) {
                result = new ProjectResult.Failed(location(), "invalid project name '" + name + "'");
            } else {
                inFlight.acquire();
                try {
                    result = load(n);
                } finally {
                    inFlight.release();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = new ProjectResult.Failed(location(), "interrupted while fetching " + n);
            cache.remove(n, mine);
        } catch (RuntimeException e) {
            result = new ProjectResult.Failed(location(), "unexpected error fetching " + n + ": " + e);
        } finally {
            if (result == null) {
                // an Error: do not leave other callers waiting forever, and let a later call retry
                cache.remove(n, mine);
                mine.completeExceptionally(new IllegalStateException("fetching " + n + " failed"));
            } else {
                mine.complete(result);
            }
        }
        return result;
    }

    @Override
    public final Map<String, ProjectResult> fetchAll(Collection<String> names) {
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String name : names) {
            distinct.add(Names.normalise(name));
        }
        Map<String, ProjectResult> out = new LinkedHashMap<>();
        if (distinct.isEmpty()) {
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(maxInFlight, distinct.size()), daemonThreads());
        try {
            List<Future<ProjectResult>> futures = new ArrayList<>();
            for (String n : distinct) {
                futures.add(pool.submit(() -> fetchProject(n)));
            }
            int i = 0;
            for (String n : distinct) {
                ProjectResult r;
                try {
                    r = futures.get(i++).get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    r = new ProjectResult.Failed(location(), "interrupted while fetching " + n);
                } catch (java.util.concurrent.ExecutionException e) {
                    r = new ProjectResult.Failed(location(), "unexpected error fetching " + n + ": " + e.getCause());
                }
                out.put(n, r);
            }
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "smvm-index-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
