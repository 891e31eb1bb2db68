package mmrace.litmus.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import mmrace.litmus.syntax.Primitive.Kind;
import mmrace.litmus.syntax.Primitive.Ordering;
import mmrace.litmus.syntax.Primitive.Origin;

/** The registry covers linux-kernel.def entry by entry. */
class PrimitivesTest {

    /**
     * The left-hand sides of the newest {@code tools/memory-model/linux-kernel.def}, one per
     * line, as the def writes them.
     */
    private static final String DEF_SIGNATURES = """
            READ_ONCE(X) WRITE_ONCE(X,V)
            smp_store_release(X,V) smp_load_acquire(X) rcu_assign_pointer(X,V) rcu_dereference(X) smp_store_mb(X,V)
            smp_mb() smp_rmb() smp_wmb() smp_mb__before_atomic() smp_mb__after_atomic() smp_mb__after_spinlock()
            smp_mb__after_unlock_lock() smp_mb__after_srcu_read_unlock() barrier()
            xchg(X,V) xchg_relaxed(X,V) xchg_release(X,V) xchg_acquire(X,V)
            cmpxchg(X,V,W) cmpxchg_relaxed(X,V,W) cmpxchg_acquire(X,V,W) cmpxchg_release(X,V,W)
            spin_lock(X) spin_unlock(X) spin_trylock(X) spin_is_locked(X)
            rcu_read_lock() rcu_read_unlock() synchronize_rcu() synchronize_rcu_expedited()
            srcu_read_lock(X) srcu_read_unlock(X,Y) srcu_down_read(X) srcu_up_read(X,Y) synchronize_srcu(X)
            synchronize_srcu_expedited(X)
            atomic_read(X) atomic_set(X,V) atomic_read_acquire(X) atomic_set_release(X,V)
            atomic_add(V,X) atomic_sub(V,X) atomic_and(V,X) atomic_or(V,X) atomic_xor(V,X) atomic_inc(X)
            atomic_dec(X) atomic_andnot(V,X)
            atomic_add_return(V,X) atomic_add_return_relaxed(V,X) atomic_add_return_acquire(V,X)
            atomic_add_return_release(V,X) atomic_fetch_add(V,X) atomic_fetch_add_relaxed(V,X)
            atomic_fetch_add_acquire(V,X) atomic_fetch_add_release(V,X)
            atomic_fetch_and(V,X) atomic_fetch_and_relaxed(V,X) atomic_fetch_and_acquire(V,X) atomic_fetch_and_release(V,X)
            atomic_fetch_or(V,X) atomic_fetch_or_relaxed(V,X) atomic_fetch_or_acquire(V,X) atomic_fetch_or_release(V,X)
            atomic_fetch_xor(V,X) atomic_fetch_xor_relaxed(V,X) atomic_fetch_xor_acquire(V,X) atomic_fetch_xor_release(V,X)
            atomic_inc_return(X) atomic_inc_return_relaxed(X) atomic_inc_return_acquire(X) atomic_inc_return_release(X)
            atomic_fetch_inc(X) atomic_fetch_inc_relaxed(X) atomic_fetch_inc_acquire(X) atomic_fetch_inc_release(X)
            atomic_sub_return(V,X) atomic_sub_return_relaxed(V,X) atomic_sub_return_acquire(V,X)
            atomic_sub_return_release(V,X) atomic_fetch_sub(V,X) atomic_fetch_sub_relaxed(V,X)
            atomic_fetch_sub_acquire(V,X) atomic_fetch_sub_release(V,X)
            atomic_dec_return(X) atomic_dec_return_relaxed(X) atomic_dec_return_acquire(X) atomic_dec_return_release(X)
            atomic_fetch_dec(X) atomic_fetch_dec_relaxed(X) atomic_fetch_dec_acquire(X) atomic_fetch_dec_release(X)
            atomic_xchg(X,V) atomic_xchg_relaxed(X,V) atomic_xchg_release(X,V) atomic_xchg_acquire(X,V)
            atomic_cmpxchg(X,V,W) atomic_cmpxchg_relaxed(X,V,W) atomic_cmpxchg_acquire(X,V,W)
            atomic_cmpxchg_release(X,V,W)
            atomic_sub_and_test(V,X) atomic_dec_and_test(X) atomic_inc_and_test(X) atomic_add_negative(V,X)
            atomic_add_negative_relaxed(V,X) atomic_add_negative_acquire(V,X) atomic_add_negative_release(V,X)
            atomic_fetch_andnot(V,X) atomic_fetch_andnot_acquire(V,X) atomic_fetch_andnot_release(V,X)
            atomic_fetch_andnot_relaxed(V,X)
            atomic_add_unless(X,V,W)
            """;

    private static List<String> defSignatures() {
        List<String> out = new ArrayList<>();
        for (String s : DEF_SIGNATURES.split("\\s+")) {
            if (!s.isBlank()) {
                out.add(s);
            }
        }
        return out;
    }

    @Test
    void everyDefEntryIsKnownWithTheDefsParameters() {
        List<String> def = defSignatures();
        assertEquals(114, def.size());
        for (String sig : def) {
            String name = sig.substring(0, sig.indexOf('('));
            Primitive p = Primitives.lookup(name).orElseThrow(() -> new AssertionError("missing " + sig));
            assertEquals(sig, p.signature());
        }
    }

    @Test
    void theRegistryIsTheDefPlusThreeOthers() {
        Set<String> def = new TreeSet<>();
        defSignatures().forEach(s -> def.add(s.substring(0, s.indexOf('('))));
        Set<String> extra = new TreeSet<>();
        for (Primitive p : Primitives.all()) {
            if (!def.contains(p.name())) {
                extra.add(p.name() + ":" + p.origin());
            }
        }
        assertEquals(Set.of("atomic_inc_not_zero:MMRACE_EXTENSION", "lockless_dereference:LEGACY_DEF",
                "smp_read_barrier_depends:LEGACY_DEF"), extra);
        assertEquals(Origin.HERD_BUILTIN, Primitives.lookup("atomic_add_unless").orElseThrow().origin());
    }

    @Test
    void entriesSayWhatTheDefExpandsTo() {
        Primitive sub = Primitives.lookup("atomic_sub_return_acquire").orElseThrow();
        assertEquals(Kind.ATOMIC_OP_RETURN, sub.kind());
        assertEquals(Ordering.ACQUIRE, sub.ordering());
        assertEquals(Primitive.RmwOp.SUB, sub.op());
        assertEquals(1, sub.addressParam());
        assertEquals(0, sub.valueParam());

        Primitive inc = Primitives.lookup("atomic_inc").orElseThrow();
        assertEquals(-1, inc.valueParam());
        assertEquals(1, inc.constantValue());
        assertFalse(inc.returnsValue());

        Primitive cas = Primitives.lookup("cmpxchg_relaxed").orElseThrow();
        assertEquals(Ordering.ONCE, cas.ordering());
        assertEquals(1, cas.expectedParam());
        assertEquals(2, cas.valueParam());

        Primitive test = Primitives.lookup("atomic_add_negative").orElseThrow();
        assertEquals(Primitive.ResultTest.NEGATIVE, test.test());
        assertEquals(Ordering.MB, test.ordering());

        assertEquals(Primitive.Addressing.LVALUE, Primitives.lookup("READ_ONCE").orElseThrow().addressing());
        assertEquals(Primitive.Addressing.POINTER, Primitives.lookup("smp_load_acquire").orElseThrow().addressing());
        assertEquals("sync-rcu", Primitives.lookup("synchronize_rcu_expedited").orElseThrow().annotation());
        assertEquals(Kind.STORE_MB, Primitives.lookup("smp_store_mb").orElseThrow().kind());
        assertTrue(Primitives.lookup("spin_trylock").orElseThrow().returnsValue());
        assertTrue(Primitives.lookup("call_rcu").isEmpty());
    }

    @Test
    void unknownNamesGetASuggestion() {
        assertEquals("unknown primitive 'READ_ONC' (not in linux-kernel.def); did you mean 'READ_ONCE'?",
                ExprParser.unknownPrimitive("READ_ONC"));
    }
}
