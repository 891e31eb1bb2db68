package mmrace.litmus.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The AST of a few kernel tests, node by node. */
class KernelStructureTest {

    private static LitmusTest kernel(String relative) throws Exception {
        var dir = KernelCorpus.directory();
        assumeTrue(dir.isPresent(), "shared/litmus/kernel not found above the working directory");
        return LitmusParser.parse(dir.get().resolve(relative));
    }

    private static String code(Process p) {
        StringBuilder sb = new StringBuilder();
        p.body().forEach(s -> CodePrinter.stmt(s, 0, sb));
        return sb.toString();
    }

    @Test
    void rcuSyncFree() throws Exception {
        LitmusTest t = kernel("Documentation/litmus-tests/rcu/RCU+sync+free.litmus");
        assertEquals(List.of("int x = 1", "int *y = x", "int z = 1"), t.init().stream().map(AstPrinter::initEntry).toList());
        assertEquals(Optional.of(Value.addressOf("x")), t.init().get(1).value());
        Process p0 = t.process(0);
        assertEquals(List.of("int *x", "int *z", "int **y"),
                p0.parameters().stream().map(p -> p.type().declare(p.name())).toList());
        assertEquals(new CType.Pointer(CType.INT), p0.local("r0").orElseThrow().type());
        Stmt.Assign deref = (Stmt.Assign) p0.body().get(3);
        Expr.Call call = assertInstanceOf(Expr.Call.class, deref.value());
        assertEquals("rcu_dereference", call.name());
        assertEquals(new Expr.Deref(call.args().get(0).pos(), new Expr.Name(((Expr.Deref) call.args().get(0)).pointer().pos(), "y")),
                call.args().get(0));
        assertEquals("""
                rcu_assign_pointer(*y, z);
                synchronize_rcu();
                WRITE_ONCE(*x, 0);
                """, code(t.process(1)));
        Prop.And and = (Prop.And) t.condition().prop();
        assertEquals(Value.addressOf("x"), ((Prop.Equals) and.left()).value());
    }

    @Test
    void depPlainHasPlainAccessesAndInitializedLocals() throws Exception {
        LitmusTest t = kernel("tools/memory-model/litmus-tests/dep+plain.litmus");
        assertEquals("""
                int a = READ_ONCE(*x);
                *z1 = a;
                *z2 = *z1;
                if (*z2 == 1)
                	WRITE_ONCE(*y, 1);
                """, code(t.process(0)));
        assertEquals("""
                int r = smp_load_acquire(y);
                smp_store_release(x, r);
                """, code(t.process(1)));
        assertEquals("exists (x=1 /\\ y=1)", t.condition().toHerdString());
    }

    @Test
    void rmBrokenHasLocationsAndFilter() throws Exception {
        LitmusTest t = kernel("Documentation/litmus-tests/locking/RM-broken.litmus");
        assertEquals("[x, 0:r2, 1:r0, 1:r1, 1:r2]", t.locations().toString());
        assertEquals("1:r0=0 /\\ 1:r1=1", t.filter().orElseThrow().toHerdString());
        assertEquals(List.of("x", "y", "lck"), List.copyOf(t.globals().sequencedKeySet()));
        assertEquals(new CType.Named("atomic_t"), t.globals().get("y"));
        assertEquals(new CType.Named("spinlock_t"), t.globals().get("lck"));
    }

    @Test
    void atomicAddUnlessUnderAVoidCast() throws Exception {
        LitmusTest t = kernel("Documentation/litmus-tests/atomic/Atomic-RMW-ops-are-atomic-WRT-atomic_set.litmus");
        Stmt.Eval e = (Stmt.Eval) t.process(0).body().get(0);
        Expr.Cast cast = assertInstanceOf(Expr.Cast.class, e.expr());
        assertEquals(CType.VOID, cast.type());
        assertEquals(Primitive.Kind.ATOMIC_ADD_UNLESS, ((Expr.Call) cast.operand()).primitive().kind());
        assertEquals(Value.of(1), t.initialValue(new Location.Global("v")));
    }
}
