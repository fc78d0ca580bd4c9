package dev.ablate4j.env.mujoco;

/**
 * MuJoCo environments cannot be created on this machine: the MuJoCo library or ablate4j's native
 * shim is missing. The message is one line saying what is missing and how to install it; the
 * exception carries no stack trace, because the cause is the installation, not the code.
 */
public final class MujocoUnavailableException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** The command that installs MuJoCo on Debian and Ubuntu. */
    public static final String INSTALL_COMMAND = "apt-get install -y libmujoco-dev";

    /** {@code problem}: what is missing, one line, e.g. "libmujoco.so.2.2.2 is not installed". */
    public MujocoUnavailableException(String problem) {
        super(message(problem));
    }

    /** The one-line message for {@code problem}. */
    static String message(String problem) {
        return "MuJoCo environments are unavailable: " + oneLine(problem)
                + "; install MuJoCo with `" + INSTALL_COMMAND + "`";
    }

    static String oneLine(String text) {
        return text == null ? "unknown reason" : text.replaceAll("\\s+", " ").trim();
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
