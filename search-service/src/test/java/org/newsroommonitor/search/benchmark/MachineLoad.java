package org.newsroommonitor.search.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * How busy the machine was during a measurement: the 1-minute load average sampled every second, and the CPU time
 * of the whole machine split into Elasticsearch (the node's process tree), this benchmark's JVM (without its
 * child processes, among them the node) and everything else (other people's builds on a shared machine). Linux only ({@code /proc}); elsewhere it reports nothing.
 */
final class MachineLoad implements AutoCloseable {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ, 100 on Linux

    private final ProcessHandle elasticsearch;
    private final List<Double> loadAverages = new ArrayList<>();
    private final Thread sampler;
    private final long startNanos = System.nanoTime();
    private final long[] startMachine;
    private final long startElasticsearch;
    private final long startSelf;
    private volatile boolean running = true;
    private String summary;
    private double elasticsearchCpuSeconds;

    /** @param elasticsearch the node's process, or null when it runs elsewhere */
    MachineLoad(ProcessHandle elasticsearch) {
        this.elasticsearch = elasticsearch;
        startMachine = machineTicks();
        startElasticsearch = treeTicks(elasticsearch);
        startSelf = processTicks(ProcessHandle.current().pid());
        sampler = Thread.ofPlatform().daemon().name("machine-load").start(() -> {
            while (running) {
                loadAverage().ifPresent(l -> {
                    synchronized (loadAverages) {
                        loadAverages.add(l / 100.0);
                    }
                });
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /** Stops sampling; {@link #toString()} then describes the whole period. */
    @Override
    public void close() {
        if (summary != null) {
            return;
        }
        running = false;
        sampler.interrupt();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        long[] machine = machineTicks();
        elasticsearchCpuSeconds = (treeTicks(elasticsearch) - startElasticsearch) / TICKS_PER_SECOND;
        double es = elasticsearchCpuSeconds / seconds;
        double self = (processTicks(ProcessHandle.current().pid()) - startSelf) / TICKS_PER_SECOND / seconds;
        double busy = (machine[0] - startMachine[0]) / TICKS_PER_SECOND / seconds;
        double all = (machine[1] - startMachine[1]) / TICKS_PER_SECOND / seconds;
        double min;
        double max;
        double mean;
        synchronized (loadAverages) {
            min = loadAverages.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
            max = loadAverages.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            mean = loadAverages.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }
        summary = String.format("load average (1 min) %.1f-%.1f, mean %.1f; CPU busy %.2f of %.2f cores: "
                        + "Elasticsearch %.2f, benchmark JVM %.2f, everything else %.2f",
                min, max, mean, busy, all, es, self, Math.max(0, busy - es - self));
    }

    /** CPU time of the Elasticsearch process tree over the whole period (0 when it runs elsewhere). */
    double elasticsearchCpuSeconds() {
        return elasticsearchCpuSeconds;
    }

    @Override
    public String toString() {
        return summary == null ? "(still measuring)" : summary;
    }

    /** 1-minute load average x 100 */
    private static OptionalLong loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return OptionalLong.of(Math.round(Double.parseDouble(parts[0]) * 100));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** {busy ticks, all ticks} of every CPU together */
    private static long[] machineTicks() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long all = 0;
            for (int i = 1; i < Math.min(cpu.length, 9); i++) { // user nice system idle iowait irq softirq steal
                all += Long.parseLong(cpu[i]);
            }
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            return new long[] {all - idle, all};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    /** user + system ticks of a process and its descendants (0 when unknown) */
    private static long treeTicks(ProcessHandle root) {
        if (root == null) {
            return 0;
        }
        long ticks = processTicks(root.pid());
        for (ProcessHandle child : root.descendants().toList()) {
            ticks += processTicks(child.pid());
        }
        return ticks;
    }

    private static long processTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
