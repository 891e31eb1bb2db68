package mmrace.kernel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mmrace.engine.sync.LockClass;
import org.junit.jupiter.api.Test;

/** docs/LOCKING.md's tree and the ranks the engine checks are the same thing. */
class LockingDocTest {
    @Test
    void everyRankedClassIsInTheTreeWithItsRankInIncreasingOrder() throws Exception {
        Path doc = Path.of("..", "docs", "LOCKING.md");
        String text = Files.readString(doc);
        int last = 0;
        int lastPos = -1;
        for (LockClass c : LockClasses.all()) {
            Matcher m = Pattern.compile(Pattern.quote(c.name()) + "\\s+\\[(\\d+)\\]").matcher(text);
            assertTrue(m.find(), c.name() + " is not in docs/LOCKING.md's tree");
            assertTrue(Integer.parseInt(m.group(1)) == c.rank(), c.name() + " has rank " + c.rank() + " in the code, "
                    + m.group(1) + " in docs/LOCKING.md");
            assertTrue(c.rank() > last && m.start() > lastPos, c.name() + " is out of order");
            last = c.rank();
            lastPos = m.start();
        }
    }
}
