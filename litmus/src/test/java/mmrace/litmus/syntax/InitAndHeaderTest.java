package mmrace.litmus.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The header, the initial state and comments outside the C code. */
class InitAndHeaderTest {

    private static LitmusTest parse(String text) throws LitmusSyntaxException {
        return LitmusParser.parse("t.litmus", text);
    }

    @Test
    void headerDocStringInfoLinesAndComments() throws Exception {
        LitmusTest t = parse("""
                C MP+onceassign+derefonce (* A *)
                "Rfe PodRR Fre"
                Hash=49ef7a741563570102448a256a0c8568
                (* B (* nested *) still B *)
                {
                y=z; (* C *)
                z=0;
                } // D

                // E

                P0(int *x, int **y) // F
                {
                  WRITE_ONCE(*x, 1);  // G
                  rcu_assign_pointer(*y, x);
                }

                (* H, between processes *)

                P1(int *x, int **y)
                {
                  int *r0;
                  int r1;

                  rcu_read_lock();
                  r0 = rcu_dereference(*y); /* C comment */
                  r1 = READ_ONCE(*r0);
                  rcu_read_unlock();
                }

                // I

                exists (* J *) (1:r0=x /\\ (* K *) 1:r1=0) (* L *)
                """);
        assertEquals("MP+onceassign+derefonce", t.name());
        assertEquals(Optional.of("Rfe PodRR Fre"), t.doc());
        assertEquals("49ef7a741563570102448a256a0c8568", t.info().get("Hash"));
        assertEquals(2, t.processes().size());
        assertEquals("exists (1:r0=x /\\ 1:r1=0)", t.condition().toHerdString());
        assertEquals(List.of("y", "z", "x"), List.copyOf(t.globals().sequencedKeySet()));
    }

    @Test
    void everyInitialStateForm() throws Exception {
        LitmusTest t = parse("""
                C init-forms
                {
                  x=1; int w = 2; int *y = &x; int *q = w; atomic_t v = ATOMIC_INIT(1);
                  spinlock_t s; p=y; p2=&y; 0:r1=0; 1:r2=x; int a[2]; int u;
                  struct srcu_struct ss; intptr_t ip = -3;
                }
                P0(int *x, int *y, atomic_t *v, spinlock_t *s, int **p, int *a) { int r1; }
                P1(int *x, struct srcu_struct *ss, intptr_t *ip) { int *r2; }
                """);
        List<String> printed = t.init().stream().map(AstPrinter::initEntry).toList();
        assertEquals(List.of("x = 1", "int w = 2", "int *y = x", "int *q = w", "atomic_t v = 1", "spinlock_t s",
                "p = y", "p2 = y", "0:r1 = 0", "1:r2 = x", "int a[2]", "int u", "struct srcu_struct ss",
                "intptr_t ip = -3"), printed);
        assertEquals(new Location.Register(1, "r2"), t.init().get(9).location());
        assertEquals(Optional.of(Value.addressOf("x")), t.init().get(9).value());
        assertEquals(new CType.Array(CType.INT, 2), t.init().get(10).type().orElseThrow());
        assertEquals(Value.of(1), t.initialValue(new Location.Global("v")));
        assertEquals(Value.ZERO, t.initialValue(new Location.Global("s")));
        assertEquals(new CType.Named("atomic_t"), t.globals().get("v"));
        assertEquals(new CType.Pointer(CType.INT), t.globals().get("p"));
        assertEquals(new CType.Named("struct srcu_struct"), t.globals().get("ss"));
        assertEquals(new CType.Named("intptr_t"), t.process(1).parameter("ip").orElseThrow().globalType());
    }

    @Test
    void emptyInitialStateAndNoCondition() throws Exception {
        LitmusTest t = parse("C t\n{}\nP0(int *x) { WRITE_ONCE(*x, 1); }\n");
        assertTrue(t.init().isEmpty());
        assertEquals(ConditionKind.FORALL, t.condition().kind());
        assertEquals(new Prop.True(), t.condition().prop());
    }

    @Test
    void finalPartInHerdOrder() throws Exception {
        LitmusTest t = parse("""
                C t
                {}
                P0(int *x) { int r0; int r1; r0 = READ_ONCE(*x); r1 = READ_ONCE(*x); }
                P1(int *x) { WRITE_ONCE(*x, 1); }
                locations [x; 0:r1;]
                filter (0:r0=0 \\/ 0:r0 = 1)
                ~exists (0:r0=1 /\\ 0:r1=0);
                """);
        assertEquals(List.of(new Location.Global("x"), new Location.Register(0, "r1")), t.locations());
        assertEquals("0:r0=0 \\/ 0:r0=1", t.filter().orElseThrow().toHerdString());
        assertEquals(ConditionKind.NOT_EXISTS, t.condition().kind());
        assertEquals(List.of(new Location.Global("x"), new Location.Register(0, "r1"), new Location.Register(0, "r0")),
                List.copyOf(t.observedLocations()));
    }

    @Test
    void conditionSpellings() throws Exception {
        String prog = "C t\n{ int a[2]; }\nP0(int *x, int *y, int *a) { int r0; r0 = READ_ONCE(*x); }\n";
        assertEquals("exists (0:r0=1)", parse(prog + "final (0:r0=1)").condition().toHerdString());
        assertEquals("~exists (0:r0=1)", parse(prog + "not exists (0:r0=1)").condition().toHerdString());
        assertEquals("forall (true \\/ false)", parse(prog + "forall (true \\/ false)").condition().toHerdString());
        assertEquals("exists (x=y)", parse(prog + "exists (x=y)").condition().toHerdString());
        assertEquals("exists (x=y /\\ 0:r0=x)", parse(prog + "exists (x=*y /\\ 0:r0==x)").condition().toHerdString());
        assertEquals("exists (a[1]=0 /\\ x=1)", parse(prog + "exists ([a[1]]=0 /\\ [x]=1)".replace("[a[1]]", "a[1]"))
                .condition().toHerdString());
        assertEquals("exists (not (x=1))", parse(prog + "exists (x<>1)").condition().toHerdString());
        assertEquals("exists (0:r0=-1)", parse(prog + "exists (P0:r0=-1)").condition().toHerdString());
        Prop same = parse(prog + "exists (x=*y)").condition().prop();
        assertTrue(same instanceof Prop.SameValue s && s.right().equals(new Location.Global("y")));
    }
}
