package id.pintu.sop.importer;

import id.pintu.sop.Actor;
import id.pintu.sop.SopDefinitionException;
import id.pintu.sop.SopLoader;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Imports one SOP-AP table from the command line:
 * {@code --in FILE [--format tsv|csv] [--answers FILE] [--out FILE] [--actors config/actors.yaml]}.
 * Prints the report; writes the YAML to {@code --out}, or to standard output (the report then goes to standard
 * error). With an output file it also loads the result through {@link SopLoader}, so the office sees at once
 * whether the definition would run. Exit code 0: complete and loadable; 2: questions remain or the loader refuses;
 * 1: bad arguments or unreadable input.
 */
public final class ImportSopCommand {

    private ImportSopCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path in = null;
        Path answers = null;
        Path target = null;
        Path actorsFile = Path.of("config/actors.yaml");
        Format format = null;
        try {
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--in" -> in = Path.of(require(args[i], value));
                    case "--answers" -> answers = Path.of(require(args[i], value));
                    case "--out" -> target = Path.of(require(args[i], value));
                    case "--actors" -> actorsFile = Path.of(require(args[i], value));
                    case "--format" -> format = Format.of(require(args[i], value));
                    default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
                }
                i++;
            }
            if (in == null) {
                throw new IllegalArgumentException("--in FILE is required");
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println("usage: ImportSopCommand --in FILE [--format tsv|csv] [--answers FILE] [--out FILE]"
                    + " [--actors config/actors.yaml]");
            return 1;
        }
        try (ValidatorFactory validation = Validation.buildDefaultValidatorFactory()) {
            SopLoader loader = new SopLoader(validation.getValidator());
            Map<String, Actor> actors = loader.loadActors(actorsFile);
            ImportResult result = new SopImporter(actors).importTable(
                    Files.readString(in, StandardCharsets.UTF_8),
                    format != null ? format : Format.ofFileName(in.getFileName().toString()),
                    answers != null ? Answers.load(answers) : Answers.none());
            PrintStream report = target != null ? out : err;
            report.print(result.report());
            if (target == null) {
                out.print(result.yaml());
                return result.complete() ? 0 : 2;
            }
            if (target.toAbsolutePath().getParent() != null) {
                Files.createDirectories(target.toAbsolutePath().getParent());
            }
            Files.writeString(target, result.yaml(), StandardCharsets.UTF_8);
            report.println("Wrote " + target);
            try {
                loader.load(target, actors);
                report.println("SopLoader: the definition loads.");
                return result.complete() ? 0 : 2;
            } catch (SopDefinitionException e) {
                report.println("SopLoader refuses it (expected while questions are open):");
                e.problems().forEach(p -> report.println("  - " + p));
                return 2;
            }
        } catch (IOException | RuntimeException e) {
            err.println("import failed: " + e.getMessage());
            return 1;
        }
    }

    private static String require(String flag, String value) {
        if (value == null || value.startsWith("--")) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return value;
    }
}
