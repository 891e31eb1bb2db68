package mmrace.litmus.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Process bodies: parameters, declarations, statements and expressions. */
class CodeTest {

    private static Process parseProcess(String params, String body) throws LitmusSyntaxException {
        return LitmusParser.parse("t.litmus", "C t\n{}\nP0(" + params + ")\n{\n" + body + "\n}\n").process(0);
    }

    private static String body(Process p) {
        StringBuilder sb = new StringBuilder();
        for (Stmt s : p.body()) {
            CodePrinter.stmt(s, 0, sb);
        }
        return sb.toString();
    }

    @Test
    void parameterTypes() throws Exception {
        Process p = parseProcess("int *x, int **p, intptr_t *ip, atomic_t *v, spinlock_t *s, struct srcu_struct *ss,"
                + " volatile int *vx", "");
        assertEquals(List.of("int *", "int **", "intptr_t *", "atomic_t *", "spinlock_t *", "struct srcu_struct *",
                "volatile int *"), p.parameters().stream().map(x -> x.type().toString()).toList());
        assertEquals(new CType.Pointer(CType.INT), p.parameter("p").orElseThrow().globalType());
    }

    @Test
    void voidParameterListAndVoidReturnType() throws Exception {
        LitmusTest t = LitmusParser.parse("t", "C t\n{}\nvoid P0(void) { smp_mb(); }\nP1() { barrier(); }\n");
        assertTrue(t.process(0).parameters().isEmpty());
        assertTrue(t.process(1).parameters().isEmpty());
    }

    @Test
    void declarationsAndStatements() throws Exception {
        Process p = parseProcess("int *x, int *y", """
                int r0; int r1 = 1; int *r2;
                r2 = x;
                r0 = READ_ONCE(*r2);
                if (r0 == 1 && !r1) { WRITE_ONCE(*y, 1); } else if (r0) WRITE_ONCE(*y, 2); else { }
                while (r1 < 3) r1 = r1 + 1;
                { int r3; r3 = r1; }
                *x = r1;
                (void)xchg(y, 3);
                xchg_relaxed(y, 4);
                """);
        assertEquals("""
                int r0;
                int r1 = 1;
                int *r2;
                r2 = x;
                r0 = READ_ONCE(*r2);
                if (r0 == 1 && !r1)
                {
                	WRITE_ONCE(*y, 1);
                }
                else
                	if (r0)
                		WRITE_ONCE(*y, 2);
                	else
                	{
                	}
                while (r1 < 3)
                	r1 = r1 + 1;
                {
                	int r3;
                	r3 = r1;
                }
                *x = r1;
                (void)xchg(y, 3);
                xchg_relaxed(y, 4);
                """, body(p));
        assertEquals(List.of("r0", "r1", "r2", "r3"), p.locals().stream().map(Stmt.Declare::name).toList());
        assertTrue(p.hasRegister("r3") && p.hasRegister("x") && !p.hasRegister("r9"));
    }

    @Test
    void expressionsKeepCPrecedence() throws Exception {
        Process p = parseProcess("int *x, int *a", """
                int r0; int r1;
                r0 = 1 + 2 * 3 - 4 / 2 % 3;
                r1 = (1 + 2) * 3;
                r0 = r0 << 1 | r1 >> 2 & 3 ^ 4;
                r1 = r0 == 1 || r1 != 2 && r0 <= 3 && r1 >= 4 && r0 > 5 && r1 < 6;
                r0 = -r1 + ~r0 - -1;
                r1 = a[1] + a[r0 + 1];
                r0 = (int)r1 + *(x + 1);
                r1 = *&a[1];
                """);
        assertEquals("""
                int r0;
                int r1;
                r0 = 1 + 2 * 3 - 4 / 2 % 3;
                r1 = (1 + 2) * 3;
                r0 = r0 << 1 | r1 >> 2 & 3 ^ 4;
                r1 = r0 == 1 || r1 != 2 && r0 <= 3 && r1 >= 4 && r0 > 5 && r1 < 6;
                r0 = -r1 + ~r0 - -1;
                r1 = a[1] + a[r0 + 1];
                r0 = (int)r1 + *(x + 1);
                r1 = *&a[1];
                """, body(p));
        Stmt.Assign a = (Stmt.Assign) p.body().get(2);
        Expr.Binary sub = assertInstanceOf(Expr.Binary.class, a.value());
        assertEquals(BinaryOp.SUB, sub.op());
        assertInstanceOf(Expr.Binary.class, sub.left());
        Stmt.Assign neg = (Stmt.Assign) p.body().get(6);
        Expr.Binary minus = (Expr.Binary) neg.value();
        assertEquals(new Expr.IntLiteral(minus.right().pos(), -1), minus.right());
    }

    @Test
    void callsAreResolvedToPrimitives() throws Exception {
        Process p = parseProcess("int *x, atomic_t *v, spinlock_t *s", """
                int r0;
                r0 = atomic_fetch_add_release(2, v);
                spin_lock(s);
                r0 = cmpxchg_acquire(x, 0, 1) + spin_trylock(s);
                spin_unlock(s);
                """);
        Stmt.Assign a = (Stmt.Assign) p.body().get(1);
        Expr.Call c = (Expr.Call) a.value();
        assertEquals("atomic_fetch_add_release", c.name());
        assertEquals(Primitive.Kind.ATOMIC_FETCH_OP, c.primitive().kind());
        assertEquals(Primitive.Ordering.RELEASE, c.primitive().ordering());
        assertEquals(1, c.primitive().addressParam());
        assertEquals(new Expr.Name(c.args().get(1).pos(), "v"), c.args().get(1));
    }

    @Test
    void namesMustResolve() {
        LitmusSyntaxException e = assertThrows(LitmusSyntaxException.class,
                () -> parseProcess("int *x", "int r0; r0 = r1; if (r0) { int r1; }"));
        assertEquals("t.litmus:5:14: error: 'r1' is used before its declaration in P0", e.getMessage());
        assertThrows(LitmusSyntaxException.class, () -> parseProcess("int *x, int *x", ""));
        assertThrows(LitmusSyntaxException.class, () -> parseProcess("int *x", "int x;"));
        assertThrows(LitmusSyntaxException.class, () -> parseProcess("int *x", "int r0, r1;"));
        assertThrows(LitmusSyntaxException.class, () -> parseProcess("int *x", "return;"));
        assertThrows(LitmusSyntaxException.class, () -> parseProcess("int *x", "WRITE_ONCE(x, 1);"));
        assertThrows(LitmusSyntaxException.class, () -> parseProcess("int *x", "int r0; r0 = &r0;"));
        assertThrows(LitmusSyntaxException.class, () -> parseProcess("int *x", "1 = 2;"));
        assertThrows(LitmusSyntaxException.class, () -> parseProcess("int *x", ";"));
    }

    /** As in herd7, registers belong to the process: a local of a block stays visible after it. */
    @Test
    void aLocalDeclaredInABranchIsARegisterOfTheProcess() throws Exception {
        parseProcess("int *x", "int r0; if (r0) { int r1; } r1 = 1;");
        LitmusTest t = LitmusParser.parse("t", "C t\n{}\nP0(int *x) { int r0; r0 = READ_ONCE(*x);"
                + " if (r0) { int r1 = 2; } }\nexists (0:r1=2)\n");
        assertEquals("exists (0:r1=2)", t.condition().toHerdString());
    }
}
