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
 */
public record Owner(String token, String host, String bootId, String pidNamespace, long pid, Long pidStart) {

    /** Tokens of the matrix executions running in this JVM (an owner in this JVM is alive iff listed). */
    private static final Set<String> ACTIVE = ConcurrentHashMap.newKeySet();

    /** A new owner identity for this process. */
    public static Owner create() {
        ProcessHandle self = ProcessHandle.current();
        return new Owner(UUID.randomUUID().toString(), hostName(), readTrimmed(Path.of("/proc/sys/kernel/random/boot_id")),
                readPidNamespace(), self.pid(), startMillis(self));
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
        return ProcessHandle.of(other.pid).filter(ProcessHandle::isAlive)
                .map(h -> other.pidStart == null || startMillis(h) == null
                        || Math.abs(startMillis(h) - other.pidStart) <= 1000)
                .orElse(false);
    }

    Map<String, Object> toJson(long heartbeat) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("token", token);
        m.put("host", host);
        m.put("boot_id", bootId);
        m.put("pid_ns", pidNamespace);
        m.put("pid", pid);
        m.put("pid_start", pidStart);
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
        return new Owner(token, host, (String) m.get("boot_id"), (String) m.get("pid_ns"), pid.longValue(),
                start instanceof Number n ? n.longValue() : null);
    }

    private static Long startMillis(ProcessHandle h) {
        return h.info().startInstant().map(Instant::toEpochMilli).orElse(null);
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
