package mmrace.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import mmrace.kernel.variant.AnonVmaImpl;
import mmrace.kernel.variant.GupFollowWrite;
import mmrace.kernel.variant.PageLockAnonVma;
import mmrace.kernel.variant.Variant;
import mmrace.kernel.variant.Variants;
import mmrace.kernel.variant.ZapFlush;
import org.junit.jupiter.api.Test;

class VariantsTest {
    @Test
    void defaultsAreTheFirstConstants() {
        Variants v = Variants.defaults();
        assertEquals(ZapFlush.V5_6, v.get(ZapFlush.class));
        assertEquals(PageLockAnonVma.V5_6, v.get(PageLockAnonVma.class));
        assertEquals("", v.toString());
    }

    @Test
    void parseBareAndQualifiedIds() {
        Variants v = Variants.parse("2.6.34-rc,AnonVmaImpl=2.6.34,4.8");
        assertEquals(PageLockAnonVma.V2_6_34_RC, v.get(PageLockAnonVma.class));
        assertEquals(AnonVmaImpl.V2_6_34, v.get(AnonVmaImpl.class));
        assertEquals(GupFollowWrite.V4_8, v.get(GupFollowWrite.class));
        assertEquals(v, Variants.parse(v.toString()));
        assertThrows(IllegalArgumentException.class, () -> Variants.parse("v5.6"), "v5.6 is in several axes");
        assertThrows(IllegalArgumentException.class, () -> Variants.parse("no-such"));
        assertThrows(IllegalArgumentException.class, () -> Variants.of(ZapFlush.V5_6, ZapFlush.FREE_BEFORE_FLUSH));
    }

    @Test
    void idsAreUniqueWithinAnAxis() {
        for (Class<? extends Variant> axis : Variants.axes()) {
            Set<String> ids = new HashSet<>();
            for (Variant c : Variants.constants(axis)) {
                assertTrue(ids.add(c.id()), axis.getSimpleName() + " has " + c.id() + " twice");
                assertTrue(!c.summary().isBlank());
            }
        }
    }
}
