package mmrace.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import mmrace.kernel.arch.Arch;
import mmrace.kernel.arch.MemoryModels;
import org.junit.jupiter.api.Test;

/** The architectures, their memory-model names, and the models they resolve to. */
class ArchTest {
    @Test
    void everyArchHasANameAndAMemoryModel() {
        assertEquals(java.util.List.of("x86", "arm64", "power", "s390", "alpha"), Arch.all().stream().map(Arch::name).toList());
        assertEquals(MemoryModels.TSO, Arch.x86().memoryModelName());
        assertEquals(MemoryModels.LKMM, Arch.arm64().memoryModelName());
        assertEquals(MemoryModels.LKMM, Arch.power().memoryModelName());
        assertEquals(MemoryModels.LKMM_ALPHA, Arch.alpha().memoryModelName());
        for (Arch a : Arch.all()) {
            assertEquals(a, Arch.byName(a.name()));
            assertEquals(MemoryModels.resolve(a.memoryModelName()).name(), a.memoryModel().name());
        }
        assertFalse(Arch.x86().rcuTableFree());
        assertFalse(Arch.alpha().rcuTableFree());
    }
}
