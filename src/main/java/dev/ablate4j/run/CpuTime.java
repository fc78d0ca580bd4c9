package dev.ablate4j.run;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** CPU time of the current thread, for timing figures only (never for results). */
public final class CpuTime {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean SUPPORTED = THREADS.isCurrentThreadCpuTimeSupported();

    private CpuTime() {}

    /** Nanoseconds of CPU time the current thread has used, or -1 where the JVM cannot tell. */
    public static long thread() {
        return SUPPORTED ? THREADS.getCurrentThreadCpuTime() : -1;
    }
}
