package io.github.smvm.report;

import io.github.smvm.process.ProcessException;
import io.github.smvm.process.ProcessResult;
import io.github.smvm.process.ProcessRunner;
import io.github.smvm.process.ProcessSpec;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Headless Chromium from the distribution's package ({@code apt-get install chromium}), run through the
 * project's process runner with an argument list and a timeout. The flags keep it off the network (it
 * would otherwise try to reach Google's services, which a closed network refuses) and out of the user's
 * profile.
 */
final class Chromium {

    static final Path BINARY = Path.of("/usr/bin/chromium");

    private final ProcessRunner runner = ProcessRunner.system();

    static boolean available() {
        return Files.isExecutable(BINARY);
    }

    static String missing() {
        return "needs chromium at " + BINARY + " (apt-get install -y chromium; .ci/run installs it)";
    }

    /** Renders {@code page} and writes a PNG of the first {@code width} x {@code height} pixels. */
    ProcessResult screenshot(Path page, Path png, int width, int height) throws IOException, ProcessException {
        return run(page, List.of("--screenshot=" + png, "--window-size=" + width + "," + height,
                "--hide-scrollbars"));
    }

    /** The DOM after the page's scripts ran. */
    String dumpDom(Path page) throws IOException, ProcessException {
        return run(page, List.of("--dump-dom")).stdout();
    }

    private ProcessResult run(Path page, List<String> action) throws IOException, ProcessException {
        Path profile = Files.createTempDirectory("smvm-chromium-");
        try {
            List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-extensions", "--mute-audio",
                    "--user-data-dir=" + profile, "--virtual-time-budget=3000"));
            command.addAll(action);
            command.add(page.toUri().toString());
            ProcessResult result = runner.run(ProcessSpec.builder(command).timeout(Duration.ofSeconds(120))
                    .environment("HOME", profile.toString()).build());
            if (!result.succeeded()) {
                throw new IOException("chromium failed:\n" + result.describe());
            }
            return result;
        } finally {
            deleteTree(profile);
        }
    }

    /** Facts about a screenshot that tell a rendered page from a blank one. */
    record Pixels(int width, int height, int distinctColours, double nonWhiteShare) {
        static Pixels of(Path png) throws IOException {
            BufferedImage image = ImageIO.read(png.toFile());
            if (image == null) {
                throw new IOException(png + " is not an image");
            }
            Set<Integer> colours = new HashSet<>();
            long nonWhite = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int rgb = image.getRGB(x, y) & 0xFFFFFF;
                    colours.add(rgb);
                    if (rgb != 0xFFFFFF) {
                        nonWhite++;
                    }
                }
            }
            return new Pixels(image.getWidth(), image.getHeight(), colours.size(),
                    (double) nonWhite / ((long) image.getWidth() * image.getHeight()));
        }

        /** The colour at a point, as {@code 0xRRGGBB}. */
        static int at(Path png, int x, int y) throws IOException {
            return ImageIO.read(png.toFile()).getRGB(x, y) & 0xFFFFFF;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // chromium may still be removing its own files; a leftover temp dir is harmless
        }
    }
}
