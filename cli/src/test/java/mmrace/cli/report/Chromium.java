package mmrace.cli.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Headless Chromium for tests, as a person's browser would open a report: Debian's
 * /usr/bin/chromium (installed by .ci/install-chromium), a fresh profile each time (deleted after), and every
 * background service that would reach for the network turned off.
 */
final class Chromium {
    static final Path BINARY = Path.of("/usr/bin/chromium");

    private Chromium() {
    }

    static boolean available() {
        return Files.isExecutable(BINARY);
    }

    /** The DOM after the page's scripts ran, as text. Scratch files go under {@code work} and are removed. */
    static String dumpDom(Path page, Path work) throws IOException, InterruptedException {
        return run(work, List.of("--dump-dom", page.toUri().toString()));
    }

    /** Takes a screenshot of the page's top {@code width} x {@code height} pixels into {@code png}. */
    static void screenshot(Path page, Path png, int width, int height, Path work)
            throws IOException, InterruptedException {
        run(work, List.of("--window-size=" + width + "," + height, "--screenshot=" + png.toAbsolutePath(),
                page.toUri().toString()));
    }

    private static String run(Path work, List<String> args) throws IOException, InterruptedException {
        Path scratch = Files.createTempDirectory(Files.createDirectories(work), "chromium");
        try {
            return run(scratch, scratch.resolve("profile"), args);
        } finally {
            try (Stream<Path> s = Files.walk(scratch)) {
                s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static String run(Path scratch, Path profile, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath()));
        cmd.addAll(args);
        Path out = scratch.resolve("stdout");
        Path err = scratch.resolve("stderr");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("chromium did not finish in 120 s: " + cmd);
        }
        if (p.exitValue() != 0) {
            throw new IOException("chromium exited with " + p.exitValue() + ": "
                    + Files.readString(err, StandardCharsets.UTF_8));
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
