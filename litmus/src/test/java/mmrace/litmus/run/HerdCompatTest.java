package mmrace.litmus.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mmrace.engine.weak.WeakModel;
import mmrace.litmus.syntax.LitmusParser;
import mmrace.litmus.syntax.LitmusSyntaxException;
import mmrace.litmus.syntax.LitmusTest;
import org.junit.jupiter.api.Test;

/**
 * C litmus syntax herd7 accepts that the kernel's own tests do not use, found by running a
 * broad sample of litmus tests from other collections (docs/LITMUS.md, "Breadth"). Each test
 * here is a small program written for the purpose, with the LKMM verdict herd7 gives for its
 * shape.
 */
class HerdCompatTest {

    private static LitmusOutcome run(String text) throws LitmusSyntaxException {
        LitmusTest t = LitmusParser.parse("t.litmus", text);
        return LitmusRunner.run(t, WeakModel.byName("lkmm"));
    }

    private static String observation(LitmusOutcome o) {
        return o.herd().observation() + " " + o.herd().positive() + " " + o.herd().negative();
    }

    /** herd7 does not need {@code int r1;}: an assigned name is an int register. */
    @Test
    void undeclaredAssignedNamesAreRegisters() throws LitmusSyntaxException {
        String mp = """
                C MP-undeclared
                {}
                P0(int *x, int *y)
                {
                	WRITE_ONCE(*x, 1);
                	smp_store_release(y, 1);
                }
                P1(int *x, int *y)
                {
                	r0 = smp_load_acquire(y);
                	if (r0)
                		r1 = READ_ONCE(*x);
                }
                exists (1:r0=1 /\\ 1:r1=0)
                """;
        assertEquals("Never 0 2", observation(run(mp)));
        assertEquals("Sometimes 1 2", observation(run(mp.replace("smp_load_acquire(y)", "READ_ONCE(*y)"))));
    }

    /** A register given a value in the initial state ({@code 0:r4=y;}) needs no declaration either. */
    @Test
    void registersInitializedInTheInitialStateNeedNoDeclaration() throws LitmusSyntaxException {
        String t = """
                C init-register
                {
                	0:r4=y; p=z;
                }
                P0(int *y, int *p)
                {
                	WRITE_ONCE(*y, 1);
                	rcu_assign_pointer(*p, r4);
                }
                P1(int *p, int *z)
                {
                	r1 = rcu_dereference(*p);
                	r2 = READ_ONCE(*r1);
                }
                exists (1:r1=y /\\ 1:r2=0)
                """;
        assertEquals("Never 0 2", observation(run(t)));
    }

    /** A name only read, never assigned nor initialized, is still a mistake (a typo, usually). */
    @Test
    void aNameOnlyReadIsStillAnError() {
        LitmusSyntaxException e = assertThrows(LitmusSyntaxException.class, () -> LitmusParser.parse("t.litmus", """
                C typo
                {}
                P0(int *x)
                {
                	r9c = READ_ONCE(*x);
                	WRITE_ONCE(*x, r9c - rc9);
                }
                exists (x=1)
                """));
        assertTrue(e.getMessage().contains("'rc9' is not declared in P0"), e.getMessage());
    }

    /** diy7/herd-generated tests carry a quoted cycle and key=value lines before the initial state. */
    @Test
    void generatorMetadataLinesBeforeTheInitialState() throws LitmusSyntaxException {
        String t = """
                C LB+generated
                "DpDatadW Rfe DpDatadW Rfe"
                Prefetch=0:x=F,0:y=W,1:y=F,1:x=W
                Com=Rf Rf
                Orig=DpDatadW Rfe DpDatadW Rfe
                {
                }
                P0(int *x, int *y)
                {
                	r0 = READ_ONCE(*x);
                	r1 = (r0 ^ r0);
                	WRITE_ONCE(*y, r1 + 1);
                }
                P1(int *y, int *x)
                {
                	r0 = READ_ONCE(*y);
                	WRITE_ONCE(*x, r0);
                }
                exists (0:r0=1 /\\ 1:r0=1)
                """;
        assertEquals("Never 0 3", observation(run(t)));
    }

    /**
     * herd7's spinlock_t is an int location: a test may build its own lock from
     * xchg_acquire() and smp_store_release() on it. Mutual exclusion holds.
     */
    @Test
    void aSpinlockNoSpinCallNamesIsPlainMemory() throws LitmusSyntaxException {
        String t = """
                C xchg-lock
                {}
                P0(spinlock_t *l, int *x)
                {
                	r0 = xchg_acquire(l, 1);
                	if (r0 == 0) {
                		r1 = READ_ONCE(*x);
                		WRITE_ONCE(*x, r1 + 1);
                		smp_store_release(l, 0);
                	}
                }
                P1(spinlock_t *l, int *x)
                {
                	r0 = xchg_acquire(l, 1);
                	if (r0 == 0) {
                		r1 = READ_ONCE(*x);
                		WRITE_ONCE(*x, r1 + 1);
                		smp_store_release(l, 0);
                	}
                }
                exists (0:r0=0 /\\ 1:r0=0 /\\ x=1)
                """;
        assertEquals("Never", run(t).herd().observation());
        // Without acquire/release the critical sections may overlap.
        String relaxed = t.replace("xchg_acquire", "xchg_relaxed").replace("smp_store_release(l, 0)", "WRITE_ONCE(*l, 0)");
        assertEquals("Sometimes", run(relaxed).herd().observation());
    }

    /** A spinlock_t some spin_lock() names stays a lock. */
    @Test
    void aSpinlockSpinLockNamesStaysALock() throws LitmusSyntaxException {
        String t = """
                C lock
                {}
                P0(spinlock_t *l, int *x)
                {
                	spin_lock(l);
                	r1 = READ_ONCE(*x);
                	WRITE_ONCE(*x, r1 + 1);
                	spin_unlock(l);
                }
                P1(spinlock_t *l, int *x)
                {
                	spin_lock(l);
                	r1 = READ_ONCE(*x);
                	WRITE_ONCE(*x, r1 + 1);
                	spin_unlock(l);
                }
                exists (x=1)
                """;
        assertEquals("Never", run(t).herd().observation());
    }

    /** Atomic families beyond the kernel's tests, with a condition using == and !=. */
    @Test
    void atomicFamiliesAndCConditionOperators() throws LitmusSyntaxException {
        String t = """
                C atomics
                { x=2; }
                P0(atomic_t *x)
                {
                	r1 = atomic_dec_and_test(x);
                	r2 = atomic_fetch_add_release(3, x);
                	r3 = atomic_add_unless(x, 1, 4);
                	r4 = atomic_cmpxchg_acquire(x, 4, 0);
                	r5 = atomic_add_negative_relaxed(-1, x);
                }
                exists (0:r1==0 /\\ 0:r2!=7 /\\ 0:r3==0 /\\ 0:r4=4 /\\ 0:r5=1 /\\ x=-1)
                """;
        assertEquals("Always 1 0", observation(run(t)));
    }

    /**
     * Two RMWs of one location on different CPUs: either may go first. The weak explorer used
     * to treat them as commuting accesses and only ever found the order in which they ran, as
     * the other order needs a value (the first RMW's result) no run had written yet.
     */
    @Test
    void twoRmwsOfOneLocationReadEachOtherInEitherOrder() throws LitmusSyntaxException {
        String t = """
                C rmw-order
                {}
                P0(int *y)
                {
                	int r0 = xchg_release(y, 5);
                }
                P1(int *y)
                {
                	atomic_inc(y);
                }
                exists (0:r0=1 /\\ y=5)
                """;
        assertEquals("Sometimes 1 1", observation(run(t)));
        // smp_rmb() does not order the read of a non-value-returning RMW (Noreturn in
        // linux-kernel.cat), so this MP shape is allowed once the xchg goes first.
        String mp = """
                C MP+o-r+ai-rmb-o
                {}
                P0(int *x, int *y)
                {
                	WRITE_ONCE(*x, 1);
                	r0 = xchg_release(y, 5);
                }
                P1(int *x, int *y)
                {
                	atomic_inc(y);
                	smp_rmb();
                	r1 = READ_ONCE(*x);
                }
                exists (0:r0=0 /\\ 1:r1=0)
                """;
        assertEquals("Sometimes 1 3", observation(run(mp)));
        assertEquals("Never 0 3", observation(run(mp.replace("atomic_inc(y);", "r2 = atomic_inc_return_relaxed(y);")
                .replace("exists (", "locations [1:r2]\nexists ("))));
    }
}
