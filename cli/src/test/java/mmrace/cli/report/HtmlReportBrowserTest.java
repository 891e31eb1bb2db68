package mmrace.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTML report in a real browser: headless Chromium loads it from disk (no network), its
 * script runs without errors and counts what the browser laid out, and a screenshot shows
 * the timeline drawn. The page and the screenshot stay in target/report-browser/ for a person
 * to look at. In CI (CI=true) a missing Chromium fails the test: it must never pass unseen.
 */
class HtmlReportBrowserTest {
    private static final Path DIR = Path.of("target", "report-browser");

    @BeforeAll
    static void needsChromium() {
        if (!Chromium.available()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true but " + Chromium.BINARY + " is missing: .ci/install-chromium should have installed it");
            }
            Assumptions.assumeTrue(false, "no " + Chromium.BINARY + " here (run .ci/install-chromium); skipped outside CI");
        }
    }

    private static String attr(String dom, String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(dom);
        return m.find() ? m.group(1) : null;
    }

    @Test
    void reportLoadsRunsItsScriptAndDrawsEveryTimeline() throws Exception {
        Files.createDirectories(DIR);
        List<Result> rs = Fixtures.runSet();
        Path page = DIR.resolve("report.html");
        HtmlReport.write(page, rs, "HtmlReportBrowserTest");
        int lanes = 0;
        int boxes = 0;
        int timelines = 0;
        for (Result r : rs) {
            for (Result.Counterexample c : r.counterexamples()) {
                timelines++;
                lanes += c.trace().cpus().size();
                boxes += c.trace().events().size();
            }
        }
        String dom = Chromium.dumpDom(page, DIR);
        assertEquals("ok", attr(dom, "data-mmrace-ready"), "the script ran to its end without errors");
        assertEquals(null, attr(dom, "data-mmrace-errors"));
        assertEquals(String.valueOf(timelines), attr(dom, "data-mmrace-timelines"), "each timeline has a size");
        assertEquals(String.valueOf(lanes), attr(dom, "data-mmrace-lanes"), "one lane per CPU");
        assertEquals(String.valueOf(boxes), attr(dom, "data-mmrace-boxes"), "every event's box was laid out");
        assertTrue(Integer.parseInt(attr(dom, "data-mmrace-links")) >= 4, "IPI, ack, grace period, race");

        Path png = DIR.resolve("report.png");
        Files.deleteIfExists(png);
        Chromium.screenshot(page, png, 1300, 1700, DIR);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1300, img.getWidth());
        // The drawing shows: the failed check's red border and the IPI arrows' blue are on screen.
        assertTrue(pixels(img, 0xcf222e) > 50, "red of the failed check and the race");
        assertTrue(pixels(img, 0x0969da) > 20, "blue of the IPI arrow");
        assertFalse(pixels(img, 0xffffff) > img.getWidth() * img.getHeight() * 0.97, "not a blank page");
    }

    @Test
    void hostileNamesStayTextInTheBrowser() throws Exception {
        Files.createDirectories(DIR);
        String evil = "<script>document.body.setAttribute('data-pwned','1')</script>\"'";
        Result r = Fixtures.result(Showcase.run(evil, Fixtures.hostile(evil, "<img src=x onerror=alert(1)>", evil)));
        Path page = DIR.resolve("hostile.html");
        HtmlReport.write(page, List.of(r), evil);
        String dom = Chromium.dumpDom(page, DIR);
        assertEquals("ok", attr(dom, "data-mmrace-ready"));
        assertEquals(null, attr(dom, "data-pwned"), "the name did not run as a script");
        assertFalse(dom.contains("<img"), "no element made from a name");
    }

    /** How many pixels are within a small distance of the colour {@code rgb}. */
    private static int pixels(BufferedImage img, int rgb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                int d = Math.abs((p >> 16 & 255) - (rgb >> 16 & 255)) + Math.abs((p >> 8 & 255) - (rgb >> 8 & 255))
                        + Math.abs((p & 255) - (rgb & 255));
                if (d < 24) {
                    n++;
                }
            }
        }
        return n;
    }
}
