package mmrace.litmus.run;

import java.nio.file.Path;
import mmrace.engine.weak.WeakModel;
import mmrace.litmus.herd.HerdPrinter;
import mmrace.litmus.syntax.LitmusParser;
import mmrace.litmus.syntax.LitmusTest;

/** Development aid: runs the given litmus files and prints herd output. */
public final class Debug {
    public static void main(String[] args) throws Exception {
        WeakModel m = WeakModel.byName(System.getProperty("model", "lkmm"));
        for (String a : args) {
            LitmusTest t = LitmusParser.parse(Path.of(a));
            long t0 = System.nanoTime();
            LitmusOutcome o = LitmusRunner.run(t, m);
            System.out.print(HerdPrinter.print(o.herd()));
            System.out.println("# executions=" + o.executions() + " runs=" + o.runs() + " ms=" + (System.nanoTime() - t0) / 1000000);
            System.out.flush();
        }
    }
}
