package org.newsroommonitor.classify.bench;

import org.openjdk.jmh.infra.Blackhole;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * The work of {@link ClassifyBenchmark}, timed by the CPU time of the measuring thread instead of the wall clock:
 * on a machine shared with other builds (where a thread gets a fraction of a core) articles per CPU-second
 * estimate the throughput of one dedicated core much better than JMH's wall-clock figures. Not a replacement for
 * JMH on an idle machine. Arguments: saved-search counts (default 0 1000 10000); system properties
 * {@code seconds} (default 20) of CPU time measured per case after as much warm-up, {@code workloads} (default
 * {@code synthetic,feeds,crisis}), {@code corpora} and {@code eval} (see {@link ClassifyBenchmark}).
 */
public final class CpuTimeHarness {

    public static void main(String[] args) {
        try {
            measure(args);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1); // the monitors' purge threads would keep the JVM alive
        }
        System.exit(0);
    }

    private static void measure(String[] args) {
        String[] counts = args.length == 0 ? new String[]{"0", "1000", "10000"} : args;
        String[] workloads = System.getProperty("workloads", "synthetic,feeds,crisis").split(",");
        double seconds = Double.parseDouble(System.getProperty("seconds", "20"));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Blackhole blackhole = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        System.out.println("| workload | saved searches | path | articles per CPU-second | articles per wall-second |");
        System.out.println("|---|---:|---|---:|---:|");
        for (String workload : workloads) {
            for (String count : counts) {
                ClassifyBenchmark bench = new ClassifyBenchmark();
                bench.savedSearches = Integer.parseInt(count);
                bench.workload = workload;
                long setUp = System.nanoTime();
                try {
                    bench.setUp();
                } catch (IllegalStateException e) {
                    System.out.println("(" + e.getMessage() + ")");
                    break;
                }
                try {
                    System.out.printf(Locale.ROOT, "(set-up %.1f s; %s)%n", (System.nanoTime() - setUp) / 1e9,
                            bench.describeWorkload());
                    for (String path : new String[]{"topics", "article"}) {
                        Runnable op = path.equals("topics") ? () -> blackhole.consume(bench.topics())
                                : () -> bench.article(blackhole);
                        run(op, threads, seconds); // warm-up
                        double[] rate = run(op, threads, seconds);
                        System.out.printf(Locale.ROOT, "| %s | %s | %s | %.0f | %.0f |%n", workload, count, path,
                                rate[0], rate[1]);
                    }
                } finally {
                    bench.tearDown();
                }
            }
        }
    }

    private static double[] run(Runnable op, ThreadMXBean threads, double seconds) {
        long cpuStart = threads.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        long limit = (long) (seconds * 1e9);
        long ops = 0;
        long cpu;
        do {
            for (int i = 0; i < 20; i++) {
                op.run();
            }
            ops += 20;
            cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        } while (cpu < limit);
        long wall = System.nanoTime() - wallStart;
        return new double[]{ops / (cpu / 1e9), ops / (wall / 1e9)};
    }
}
