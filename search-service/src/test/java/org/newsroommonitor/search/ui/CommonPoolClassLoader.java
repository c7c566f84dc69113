package org.newsroommonitor.search.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

/**
 * Works around a class-loader clash in tests with a Quarkus test profile: TestServers starts Kafka on the common
 * ForkJoinPool, whose threads have the system class loader as context class loader, while Quarkus loaded
 * TestServers and kafka-clients with its own class loader for the profile's restart. The Kafka admin client then
 * loads its classes through the context class loader, gets the other copies, fails, and the broker is never seen as
 * ready ("kafka was not ready after 240 s"). With no context class loader, kafka-clients uses its own.
 * Harmless once the servers are shared across restarts (the module's SharedServers); to be removed when TestServers
 * runs its start-up with a class loader of its own (reported to the lead).
 */
final class CommonPoolClassLoader {

    private CommonPoolClassLoader() {
    }

    /** Clears the context class loader of every worker of the common pool (each runs one of the tasks). */
    static void clear() {
        int workers = Math.max(1, ForkJoinPool.commonPool().getParallelism());
        CountDownLatch started = new CountDownLatch(workers);
        List<CompletableFuture<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            tasks.add(CompletableFuture.runAsync(() -> {
                Thread.currentThread().setContextClassLoader(null);
                started.countDown();
                try {
                    started.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, ForkJoinPool.commonPool()));
        }
        CompletableFuture.allOf(tasks.toArray(CompletableFuture[]::new)).orTimeout(20, TimeUnit.SECONDS).join();
    }
}
