package dev.ablate4j.policy.onnx;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Python with onnx, onnxruntime and numpy for the ONNX checks: the virtual environment
 * {@code target/onnx-venv} (the one ci/onnx/check.sh uses), created with {@code python3 -m venv}
 * and filled with {@code pip install --retries 0 --timeout 5 onnx onnxruntime numpy} when it does
 * not have them yet. {@link #reason()} says why there is none (then the tests are skipped, saying so).
 */
final class OnnxPython {

    static final Path VENV = Path.of("target", "onnx-venv");
    private static final Path PYTHON = VENV.resolve("bin").resolve("python");
    private static final String IMPORTS = "import onnx, onnxruntime, numpy";

    private static String reason;
    private static boolean tried;

    private OnnxPython() {}

    /** The venv's python, or null (see {@link #reason()}). */
    static synchronized Path python() {
        if (!tried) {
            tried = true;
            reason = prepare();
        }
        return reason == null ? PYTHON : null;
    }

    /** Why {@link #python()} is null. */
    static synchronized String reason() {
        python();
        return reason;
    }

    private static String prepare() {
        if (Files.isExecutable(PYTHON) && run(List.of(PYTHON.toString(), "-c", IMPORTS), 120).code == 0) {
            return null;
        }
        Result python3 = run(List.of("python3", "--version"), 30);
        if (python3.code != 0) {
            return "python3 not found (" + python3.output.strip() + ")";
        }
        if (!Files.isExecutable(PYTHON)) {
            Result venv = run(List.of("python3", "-m", "venv", VENV.toString()), 300);
            if (venv.code != 0) {
                return "python3 -m venv " + VENV + " failed (apt-get install python3-venv): " + lastLine(venv.output);
            }
        }
        Result pip = run(List.of(PYTHON.toString(), "-m", "pip", "install", "-q", "--disable-pip-version-check",
                "--retries", "0", "--timeout", "5", "onnx", "onnxruntime", "numpy"), 1200);
        if (pip.code != 0) {
            return "pip install onnx onnxruntime numpy failed: " + lastLine(pip.output);
        }
        Result check = run(List.of(PYTHON.toString(), "-c", IMPORTS), 120);
        return check.code == 0 ? null : "onnx/onnxruntime/numpy do not import after pip install: " + lastLine(check.output);
    }

    record Result(int code, String output) {}

    /** Runs {@code command} from the project directory; its stdout and stderr together. */
    static Result run(List<String> command, long timeoutSeconds) {
        try {
            Path log = Files.createTempFile("onnx-python", ".log");
            try {
                Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).start();
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return new Result(-1, "timed out after " + timeoutSeconds + " s");
                }
                return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            return new Result(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    private static String lastLine(String output) {
        List<String> lines = output.strip().lines().filter(l -> !l.startsWith("WARNING: Location")).toList();
        return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1);
    }
}
