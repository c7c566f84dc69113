package org.newsroommonitor.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a Kustomize directory with {@code kubectl kustomize} (or a standalone {@code kustomize build}) and parses the
 * result. A failed render is an {@link AssertionError} carrying kustomize's own message.
 */
final class Kustomize {

    /** Oldest embedded Kustomize that understands what the overlays use (components, labels, regex patch targets). */
    private static final int MIN_KUSTOMIZE_MAJOR = 5;

    static final String INSTALL_HINT = """
            Rendering the overlays needs kubectl 1.27 or newer (it embeds Kustomize 5), or a standalone kustomize 5 \
            binary, on the PATH. Debian 12 has no usable package (kubernetes-client is 1.20, with Kustomize 2, too old \
            for these overlays): install kubectl from the Kubernetes apt repository \
            (https://kubernetes.io/docs/tasks/tools/install-kubectl-linux/) or a release binary of kustomize \
            (https://kubectl.docs.kubernetes.io/installation/kustomize/), or point -Dnewsroom.kubectl=/path/to/kubectl.""";

    private final List<String> command;

    private Kustomize(List<String> command) {
        this.command = command;
    }

    /** Finds kubectl (or kustomize) and checks its Kustomize is recent enough; fails the test with how to install it. */
    static Kustomize locate() {
        String configured = System.getProperty("newsroom.kubectl");
        List<Path> candidates = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        candidates.addAll(onPath("kubectl"));
        candidates.add(Path.of("/usr/bin/kubectl"));
        candidates.add(Path.of("/usr/local/bin/kubectl"));
        for (Path kubectl : candidates) {
            if (Files.isExecutable(kubectl)) {
                String version = run(List.of(kubectl.toString(), "version", "--client"), null).stdout();
                checkVersion(kubectl + " version --client", version);
                return new Kustomize(List.of(kubectl.toString(), "kustomize"));
            }
        }
        for (Path kustomize : onPath("kustomize")) {
            if (Files.isExecutable(kustomize)) {
                String version = run(List.of(kustomize.toString(), "version"), null).stdout();
                checkVersion(kustomize + " version", version);
                return new Kustomize(List.of(kustomize.toString(), "build"));
            }
        }
        throw new AssertionError("Neither kubectl nor kustomize was found. " + INSTALL_HINT);
    }

    private static void checkVersion(String what, String output) {
        Matcher m = Pattern.compile("(?:Kustomize Version: )?v(\\d+)\\.(\\d+)\\.(\\d+)").matcher(
                output.contains("Kustomize Version") ? output.substring(output.indexOf("Kustomize Version")) : output);
        if (!m.find()) {
            throw new AssertionError("Cannot tell the Kustomize version from `" + what + "`:\n" + output + "\n" + INSTALL_HINT);
        }
        if (Integer.parseInt(m.group(1)) < MIN_KUSTOMIZE_MAJOR) {
            throw new AssertionError("Kustomize " + m.group() + " (from `" + what + "`) is too old. " + INSTALL_HINT);
        }
    }

    private static List<Path> onPath(String executable) {
        List<Path> found = new ArrayList<>();
        for (String dir : Optional.ofNullable(System.getenv("PATH")).orElse("").split(java.io.File.pathSeparator)) {
            if (!dir.isBlank()) {
                found.add(Path.of(dir, executable));
            }
        }
        return found;
    }

    /** The rendered documents of a kustomization directory, in output order. */
    List<JsonNode> render(Path kustomization) {
        List<String> cmd = new ArrayList<>(command);
        cmd.add(kustomization.toString());
        Result result = run(cmd, kustomization);
        if (result.exitCode() != 0) {
            throw new AssertionError("`" + String.join(" ", cmd) + "` failed (exit " + result.exitCode() + "):\n"
                    + result.stderr());
        }
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = new YAMLMapper().readerFor(JsonNode.class).readValues(result.stdout())) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                    documents.add(doc);
                }
            }
        } catch (IOException e) {
            throw new AssertionError("Output of `" + String.join(" ", cmd) + "` is not YAML: " + e.getMessage(), e);
        }
        return documents;
    }

    record Result(int exitCode, String stdout, String stderr) {
    }

    private static Result run(List<String> command, Path workDir) {
        try {
            Path out = Files.createTempFile("kustomize", ".out");
            Path err = Files.createTempFile("kustomize", ".err");
            try {
                ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
                if (workDir != null) {
                    pb.directory(workDir.toFile());
                }
                Process process = pb.start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("`" + String.join(" ", command) + "` did not finish in 120 s");
                }
                return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
