package dev.ablate4j.cli;

import dev.ablate4j.policy.SavedPolicy;
import dev.ablate4j.policy.onnx.OnnxExport.InputType;
import dev.ablate4j.policy.onnx.OnnxExport;
import dev.ablate4j.results.AtomicFiles;
import dev.ablate4j.results.Provenance;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code export-onnx RUN --out FILE}: a run's saved policy as one ONNX graph. */
@Command(name = "export-onnx", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Export a finished run's saved policy (policy.json) as an ONNX model: one graph from the raw "
                + "observation to the action mean (observation normalization and clipping as trained, the MLP with "
                + "tanh or ReLU, the mean head), with the log-std as a second output. ONNX IR version 8, opset 17; "
                + "computed in float64. For n observation and m action components:",
            "",
            "  input   obs          float32 [batch, n], or float64 (--input-type)",
            "  output  action_mean  float64 [batch, m]",
            "  output  log_std      float64 [m]"})
public final class ExportOnnxCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN", description = "a finished run directory (with policy.json)")
    private Path run;

    @Option(names = "--out", required = true, paramLabel = "<file>", description = "the model file to write, e.g. policy.onnx")
    private Path out;

    @Option(names = "--input-type", defaultValue = "float32", paramLabel = "<type>",
            description = "element type of the obs input: float32 or float64 (default: ${DEFAULT-VALUE})")
    private String inputType;

    @Override
    public Integer call() throws IOException {
        InputType type = switch (inputType.toLowerCase(Locale.ROOT)) {
            case "float32" -> InputType.FLOAT32;
            case "float64" -> InputType.FLOAT64;
            default -> throw new BadInputException("--input-type must be float32 or float64, got '" + inputType + "'");
        };
        if (out.toString().isBlank()) {
            throw new BadInputException("--out: the path is empty; name the model file");
        }
        if (Files.isDirectory(out)) {
            throw new BadInputException("--out " + out + ": is a directory; name the model file, e.g. "
                    + out.resolve("policy.onnx"));
        }
        SavedPolicy policy = SavedPolicies.read(run);
        Path parent = out.toAbsolutePath().getParent();
        OutputPath.check("--out", parent); // the model is written beside its final name, then renamed
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new BadInputException("--out " + out + ": cannot create its directory (" + RunDirectory.reason(e)
                    + ")");
        }
        byte[] model = OnnxExport.bytes(policy, type, Provenance.version());
        AtomicFiles.writeBytes(out, model);
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "export-onnx: %s (%s, %d -> %d, %s) -> %s (%d bytes; ONNX IR %d, opset %d; input obs %s "
                + "[batch, %d]; outputs action_mean float64 [batch, %d], log_std float64 [%d])%n", run, policy.env(),
                policy.observationSize(), policy.actionSize(), policy.activation().name().toLowerCase(Locale.ROOT), out,
                model.length, OnnxExport.IR_VERSION, OnnxExport.OPSET, type.word(), policy.observationSize(),
                policy.actionSize(), policy.actionSize());
        if (policy.variant().contactForcesZeroed()) {
            o.println("export-onnx: note: this policy was trained with Humanoid's contact forces (cfrc_ext) zeroed in "
                    + "its observations; give the model observations with those entries set to 0, as in training");
        }
        o.flush();
        return ExitCodes.OK;
    }
}
