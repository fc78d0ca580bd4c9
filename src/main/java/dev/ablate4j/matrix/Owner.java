package dev.ablate4j.matrix;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who holds a run's lock: a random token per matrix execution, plus enough about the process to
 * tell on the same machine whether it is still alive (host name, Linux boot id and pid namespace,
 * pid and the process's start time, so a reused pid is not mistaken for the owner).
 *
 * <p>The start time is compared in clock ticks since boot ({@code /proc/<pid>/stat}, field 22), which
 * no clock adjustment moves. The start as a wall-clock instant ({@code pid_start}, what the JDK derives
 * from the boot time) moves with every step of the system clock: on a VM whose clock was synced 17 s
 * since a matrix started, a second matrix took that live process's run over. The instant is kept for
 * locks without ticks (written by older versions, or off Linux), with {@link #WALL_CLOCK_TOLERANCE_MS}.
 *
 * @param pidStart the process's start as epoch milliseconds (null if unknown)
 * @param pidStartTicks the process's start in clock ticks since boot (null off Linux or in older locks)
 */
public record Owner(String token, String host, String bootId, String pidNamespace, long pid, Long pidStart,
        Long pidStartTicks) {

    /**
     * How far a live owner's start instant, as seen now, may lie from the one it recorded, when only
     * instants can be compared: clock adjustments move it by seconds over hours.
     */
    static final long WALL_CLOCK_TOLERANCE_MS = 60_000;

    /** An owner without a start in ticks. */
    public Owner(String token, String host, String bootId, String pidNamespace, long pid, Long pidStart) {
        this(token, host, bootId, pidNamespace, pid, pidStart, null);
    }

    /** Tokens of the matrix executions running in this JVM (an owner in this JVM is alive iff listed). */
    private static final Set<String> ACTIVE = ConcurrentHashMap.newKeySet();

    /** A new owner identity for this process. */
    public static Owner create() {
        ProcessHandle self = ProcessHandle.current();
        return new Owner(UUID.randomUUID().toString(), hostName(), readTrimmed(Path.of("/proc/sys/kernel/random/boot_id")),
                readPidNamespace(), self.pid(), startMillis(self), startTicks(self.pid()));
    }

    /** Marks this owner as running (or no longer) in this JVM. */
    void active(boolean on) {
        if (on) {
            ACTIVE.add(token);
        } else {
            ACTIVE.remove(token);
        }
    }

    /** Whether {@code other} is a process on this machine (same host, boot and pid namespace). */
    boolean sameMachine(Owner other) {
        return host.equals(other.host) && same(bootId, other.bootId) && same(pidNamespace, other.pidNamespace);
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    /** For an owner on this machine: whether its process is still running. */
    boolean aliveHere(Owner other) {
        if (other.pid == pid) {
            return ACTIVE.contains(other.token);
        }
        return ProcessHandle.of(other.pid).filter(ProcessHandle::isAlive).map(h -> sameStart(other, h))
                .orElse(false);
    }

    /** Whether the live process {@code h} is the one {@code other} recorded (not a reused pid). */
    private static boolean sameStart(Owner other, ProcessHandle h) {
        Long ticks = other.pidStartTicks == null ? null : startTicks(h.pid());
        if (ticks != null) {
            return ticks.equals(other.pidStartTicks);
        }
        Long millis = startMillis(h);
        return other.pidStart == null || millis == null || Math.abs(millis - other.pidStart) <= WALL_CLOCK_TOLERANCE_MS;
    }

    Map<String, Object> toJson(long heartbeat) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("token", token);
        m.put("host", host);
        m.put("boot_id", bootId);
        m.put("pid_ns", pidNamespace);
        m.put("pid", pid);
        m.put("pid_start", pidStart);
        m.put("pid_start_ticks", pidStartTicks);
        m.put("heartbeat", heartbeat);
        m.put("written", Instant.now().toString());
        return m;
    }

    /** The owner recorded in a lock file's JSON, or null if it is not a lock. */
    static Owner fromJson(Map<String, Object> m) {
        if (!(m.get("token") instanceof String token) || !(m.get("host") instanceof String host)
                || !(m.get("pid") instanceof Number pid)) {
            return null;
        }
        Object start = m.get("pid_start");
        Object ticks = m.get("pid_start_ticks");
        return new Owner(token, host, (String) m.get("boot_id"), (String) m.get("pid_ns"), pid.longValue(),
                start instanceof Number n ? n.longValue() : null, ticks instanceof Number t ? t.longValue() : null);
    }

    private static Long startMillis(ProcessHandle h) {
        return h.info().startInstant().map(Instant::toEpochMilli).orElse(null);
    }

    /** Field 22 of {@code /proc/<pid>/stat}, the start in clock ticks since boot; null where unreadable. */
    static Long startTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" "); // after "(comm) ": field 3 on
            return Long.parseLong(fields[22 - 3]);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String hostName() {
        String h = readTrimmed(Path.of("/proc/sys/kernel/hostname"));
        if (h == null || h.isBlank()) {
            try {
                h = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                h = "unknown-host";
            }
        }
        return h;
    }

    private static String readPidNamespace() {
        try {
            return Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }

    private static String readTrimmed(Path p) {
        try {
            return Files.isReadable(p) ? Files.readString(p).trim() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
