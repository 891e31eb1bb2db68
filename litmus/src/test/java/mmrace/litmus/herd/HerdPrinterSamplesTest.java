package mmrace.litmus.herd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.TreeSet;
import java.util.stream.Stream;

import mmrace.litmus.syntax.Location;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Prints what herd7 printed for the kernel documentation's examples and compares byte for byte
 * (see {@code src/test/resources/herd/README.md}). The verdict, the witness line, the kind,
 * the condition and the state order are computed by the printer; only the states, counts,
 * time and hash come from the sample.
 */
class HerdPrinterSamplesTest {

    @TestFactory
    Stream<DynamicTest> printsExactlyWhatHerd7Printed() {
        return HerdSamples.NAMES.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            HerdSamples.Sample s = HerdSamples.load(name);
            HerdResult r = HerdSamples.resultFromOutput(s.test(), s.output());
            assertEquals(s.output(), HerdPrinter.print(r));
        }));
    }

    @TestFactory
    Stream<DynamicTest> observedLocationsAreWhatHerd7Shows() {
        return HerdSamples.NAMES.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            HerdSamples.Sample s = HerdSamples.load(name);
            HerdResult r = HerdSamples.resultFromOutput(s.test(), s.output());
            var observed = new TreeSet<Location>(HerdOrder.LOCATIONS);
            observed.addAll(s.test().observedLocations());
            assertEquals(r.states().first().values().keySet(), observed);
        }));
    }
}
