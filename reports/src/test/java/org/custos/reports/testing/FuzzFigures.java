package org.custos.reports.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of a fuzz run: inputs, outcomes (accepted, refused by reason), time per input (max, p99, median),
 * bytes allocated per input by the thread that judged it, and the peak heap of the run. Printed and written to
 * {@code target/fuzz/<name>.txt} (scripts/fuzz.sh shows them).
 */
public final class FuzzFigures {

    private final String name;
    private final Map<String, Integer> outcomes = new TreeMap<>();
    private final Map<String, Integer> kinds = new TreeMap<>();
    private final List<Long> nanos = new ArrayList<>();
    private long maxAllocated;
    private long max;
    private String slowest = "";
    private String hungriest = "";

    public FuzzFigures(String name) {
        this.name = name;
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    public synchronized void record(String kind, String outcome, long nanoseconds, long allocated, String input) {
        outcomes.merge(outcome, 1, Integer::sum);
        kinds.merge(kind, 1, Integer::sum);
        nanos.add(nanoseconds);
        if (nanoseconds >= max) {
            max = nanoseconds;
            slowest = input;
        }
        if (allocated > maxAllocated) {
            maxAllocated = allocated;
            hungriest = input;
        }
    }

    public synchronized int inputs() {
        return nanos.size();
    }

    public synchronized long maxNanos() {
        return max;
    }

    public synchronized String report() {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        StringBuilder b = new StringBuilder();
        b.append("fuzz ").append(name).append(": ").append(sorted.size()).append(" inputs\n");
        b.append("  by mutation: ").append(kinds).append('\n');
        outcomes.forEach((k, v) -> b.append("  ").append(String.format("%-34s %6d", k, v)).append('\n'));
        if (!sorted.isEmpty()) {
            b.append(String.format("  time per input: median %.2f ms, p99 %.2f ms, max %.2f ms (%s)%n",
                    ms(sorted.get(sorted.size() / 2)), ms(sorted.get((int) Math.min(sorted.size() - 1,
                            Math.ceil(sorted.size() * 0.99) - 1))), ms(sorted.get(sorted.size() - 1)), slowest));
        }
        b.append(String.format("  allocated per input: max %.1f MiB (%s)%n", maxAllocated / 1048576.0, hungriest));
        b.append(String.format("  peak heap of the run: %.1f MiB (max heap %.0f MiB)%n", peak / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576.0));
        String text = b.toString();
        System.out.print(text);
        try {
            Path dir = Path.of("target", "fuzz");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name.replace(' ', '-') + ".txt"), text);
        } catch (IOException e) {
            System.err.println("could not write the fuzz figures: " + e);
        }
        return text;
    }

    private static double ms(long nanoseconds) {
        return nanoseconds / 1e6;
    }

    /** Bytes allocated so far by the calling thread (HotSpot), or -1. */
    public static long allocated() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t) {
            return t.getCurrentThreadAllocatedBytes();
        }
        return -1;
    }
}
