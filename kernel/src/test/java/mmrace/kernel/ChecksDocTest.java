package mmrace.kernel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import mmrace.kernel.check.CheckNames;
import org.junit.jupiter.api.Test;

/** docs/guide/checks.md documents every check name of the mm model (CheckNames). */
class ChecksDocTest {
    @Test
    void everyCheckNameIsDocumented() throws IOException, IllegalAccessException {
        String doc = Files.readString(Path.of("..", "docs", "guide", "checks.md"));
        for (Field f : CheckNames.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                String name = (String) f.get(null);
                assertTrue(doc.contains("| `" + name + "` |"), "docs/guide/checks.md lacks the check " + name);
            }
        }
    }
}
