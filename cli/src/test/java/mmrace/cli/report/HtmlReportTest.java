package mmrace.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The HTML report's content, checked as text: structure, the timeline's parts, escaping. */
class HtmlReportTest {
    private static int count(String haystack, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(haystack);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void showcaseTimelineHasLanesBoxesHoldsAndEveryKindOfArrow() {
        Result r = Fixtures.showcase();
        assertEquals("BUG", r.verdict());
        assertEquals("kasan", r.check());
        String svg = TimelineSvg.render(r.counterexamples().get(0).trace(), "t", "t1");
        int events = r.counterexamples().get(0).trace().events().size();
        assertEquals(2, count(svg, "<g class=\"lane\""));
        assertEquals(events, count(svg, "<g class=\"event "));
        assertTrue(count(svg, "<rect class=\"hold") >= 2, "the ptl held on both CPUs");
        assertEquals(1, count(svg, "<g class=\"link ipi\""), svg);
        assertEquals(1, count(svg, "<g class=\"link ack\""));
        assertEquals(1, count(svg, "<g class=\"link gp\""));
        assertTrue(count(svg, "<g class=\"link race\"") >= 1);
        assertEquals(2, count(svg, "class=\"event ctx-irq"), "the flush handler: its entry and its ack");
        assertTrue(svg.contains(" marked"), "the failed access is highlighted");
        assertTrue(svg.contains("gup_pte_range"), "kernel function names are shown");
    }

    @Test
    void aDeadlockShowsLocksHeldToTheEndAndWhoWaitsForWhom() {
        var trace = Fixtures.sample("abba").counterexamples().get(0).trace();
        var holds = LockHolds.of(trace);
        assertEquals(2, holds.size());
        assertTrue(holds.stream().allMatch(h -> h.to() < 0), "neither lock is ever released");
        var waits = Links.of(trace).stream().filter(k -> k.kind() == Links.Kind.WAITS_FOR).toList();
        assertEquals(2, waits.size(), "CPU0 waits for CPU1's B and CPU1 for CPU0's A");
        for (var w : waits) {
            assertTrue(trace.events().get(w.from()).blocked());
            assertEquals(trace.events().get(w.from()).target(), trace.events().get(w.to()).target());
        }
    }

    @Test
    void pageHasTheTableAndOneSectionPerRunWithACounterexample() {
        List<Result> rs = Fixtures.runSet();
        String page = HtmlReport.render(rs, "results.jsonl");
        assertTrue(page.startsWith("<!DOCTYPE html>"));
        assertEquals(rs.size(), count(page, "<tr class=\""));
        assertEquals(3, count(page, "<section class=\"run\""), "showcase, abba, uaf; not the VERIFIED run");
        assertEquals(4, count(page, "<svg class=\"timeline\""), "abba has a second, lock-order counterexample");
        assertFalse(page.replace("http://www.w3.org/2000/svg", "").contains("http://"),
                "nothing to fetch: the only URL is the SVG namespace");
        assertFalse(page.contains("https://"));
        assertFalse(page.contains(" src="), "no external scripts or images");
        assertEquals(HtmlReport.render(rs, "results.jsonl"), page, "the same results give the same page");
    }

    @Test
    void everyUserSuppliedStringIsEscaped() {
        String evil = "<script>alert(\"x\")</script>'q\"&";
        String fn = "fn<img src=x onerror=alert(1)>";
        String lock = "</svg><script>alert('lock')</script>";
        Result r = Fixtures.result(Showcase.run(evil, Fixtures.hostile(evil, fn, lock)));
        String page = HtmlReport.render(List.of(r), "file \"<b>\".jsonl");
        assertEquals(1, count(page, "<script"), "only the report's own script element");
        assertFalse(page.contains("<img"));
        assertFalse(page.contains("</svg><script>"));
        assertFalse(page.contains("<b>"));
        assertTrue(page.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39;q&quot;&amp;"));
        assertTrue(page.contains("fn&lt;img src=x onerror=alert(1)&gt;"));
    }

    @Test
    void escapeCoversQuotesAndControlCharacters() {
        assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;\uFFFD", Html.esc("<a href=\"x\" title='y'>&\u0001"));
        assertEquals("", Html.esc(null));
        assertEquals("abc\u2026", Html.fit("abcdef", 4));
    }
}
