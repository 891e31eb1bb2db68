package mmrace.litmus.syntax;

import java.util.List;

/**
 * A kernel primitive callable from a process body, as defined by the kernel's
 * {@code tools/memory-model/linux-kernel.def} (or built into herd7). The fields say what the
 * definition expands to, so the executor needs no other table.
 *
 * <p>Parameter names are the def file's: {@code X} is the location, {@code V} a value,
 * {@code W} a second value. Note the def's argument orders: {@code atomic_add(V,X)} takes the
 * value first, {@code cmpxchg(X,V,W)} the location first.
 *
 * @param name          the C name, e.g. {@code smp_load_acquire}
 * @param params        parameter names from the def, e.g. {@code [X, V]}; their count is the arity
 * @param kind          what the primitive does
 * @param ordering      its ordering annotation ({@link Ordering#NONE} for locks and fences)
 * @param annotation    herd7's annotation in the expansion, e.g. {@code once}, {@code mb},
 *                      {@code rcu-lock}, {@code after-atomic}; it names the fence for
 *                      {@link Kind#FENCE}
 * @param addressParam  index of the location argument, -1 if none
 * @param addressing    how the location argument is written
 * @param op            the read-modify-write operation, {@link RmwOp#NONE} if none
 * @param valueParam    index of the value argument (stored value, exchanged value, RMW
 *                      operand, SRCU index), -1 if none or constant
 * @param constantValue the value operand when {@code valueParam} is -1 for an RMW
 *                      ({@code 1} for inc and dec)
 * @param expectedParam index of the compared argument: the expected old value of a cmpxchg,
 *                      the "unless" value of {@code atomic_add_unless}; -1 if none or constant
 * @param constantExpected the compared value when {@code expectedParam} is -1 for
 *                      {@link Kind#ATOMIC_ADD_UNLESS} ({@code 0} for {@code atomic_inc_not_zero})
 * @param test          how an RMW's new value becomes the result of the {@code *_and_test} and
 *                      {@code *_negative} primitives
 * @param origin        where the definition comes from
 */
public record Primitive(
        String name,
        List<String> params,
        Kind kind,
        Ordering ordering,
        String annotation,
        int addressParam,
        Addressing addressing,
        RmwOp op,
        int valueParam,
        long constantValue,
        int expectedParam,
        long constantExpected,
        ResultTest test,
        Origin origin) {

    /** Copies the parameter list. */
    public Primitive {
        params = List.copyOf(params);
    }

    /** {@return the number of arguments} */
    public int arity() {
        return params.size();
    }

    /** {@return whether a call yields a value (may appear in an expression)} */
    public boolean returnsValue() {
        return kind.returnsValue();
    }

    /** {@return the def-style signature, e.g. {@code atomic_add(V,X)}} */
    public String signature() {
        return name + "(" + String.join(",", params) + ")";
    }

    /** What a primitive does. */
    public enum Kind {
        /** A load; returns the value read. */
        LOAD(true),
        /** A store of {@code valueParam} to the location. */
        STORE(false),
        /** {@code smp_store_mb}: a {@code once} store followed by a full fence. */
        STORE_MB(false),
        /** A fence or RCU marker, named by {@code annotation} (mb, rmb, rcu-lock, sync-rcu, ...). */
        FENCE(false),
        /** Exchange; returns the old value. */
        XCHG(true),
        /** Compare-and-exchange; returns the old value (the store happens iff old == expected). */
        CMPXCHG(true),
        /** {@code atomic_add} and friends: an RMW with no result and no ordering. */
        ATOMIC_OP(false),
        /** {@code atomic_*_return}: an RMW returning the new value. */
        ATOMIC_OP_RETURN(true),
        /** {@code atomic_fetch_*}: an RMW returning the old value. */
        ATOMIC_FETCH_OP(true),
        /** {@code atomic_*_and_test}, {@code atomic_add_negative*}: an RMW returning {@code test} of the new value. */
        ATOMIC_OP_TEST(true),
        /** {@code atomic_add_unless(X,V,W)}: add V unless the value is W; returns 1 if it added. */
        ATOMIC_ADD_UNLESS(true),
        /** {@code spin_lock}: acquire, blocking while held. */
        SPIN_LOCK(false),
        /** {@code spin_unlock}. */
        SPIN_UNLOCK(false),
        /** {@code spin_trylock}: returns 1 if acquired, else 0. */
        SPIN_TRYLOCK(true),
        /** {@code spin_is_locked}: returns 1 if held. */
        SPIN_IS_LOCKED(true),
        /** {@code srcu_read_lock}, {@code srcu_down_read}: returns an index. */
        SRCU_READ_LOCK(true),
        /** {@code srcu_read_unlock(X,Y)}, {@code srcu_up_read}: Y is the index. */
        SRCU_READ_UNLOCK(false),
        /** {@code synchronize_srcu} and its expedited twin. */
        SYNCHRONIZE_SRCU(false);

        private final boolean returnsValue;

        Kind(boolean returnsValue) {
            this.returnsValue = returnsValue;
        }

        /** {@return whether a call of this kind yields a value} */
        public boolean returnsValue() {
            return returnsValue;
        }
    }

    /** The ordering of an access, after the def's annotations. */
    public enum Ordering {
        /** No ordering of its own (fences, locks, RCU, void atomics). */
        NONE,
        /** {@code once}: READ_ONCE/WRITE_ONCE strength, the {@code _relaxed} variants. */
        ONCE,
        /** {@code acquire}. */
        ACQUIRE,
        /** {@code release}. */
        RELEASE,
        /** {@code mb}: fully ordered (value-returning RMWs without suffix). */
        MB
    }

    /** How the location argument is written. */
    public enum Addressing {
        /** No location argument. */
        NONE,
        /** The argument is the location itself, an lvalue: {@code READ_ONCE(*x)}, {@code rcu_dereference(*p)}. */
        LVALUE,
        /** The argument is a pointer to the location: {@code smp_load_acquire(x)}, {@code atomic_inc(v)}. */
        POINTER
    }

    /** The arithmetic of a read-modify-write. */
    public enum RmwOp {
        /** Not an arithmetic RMW. */
        NONE,
        /** {@code +}. */
        ADD,
        /** {@code -}. */
        SUB,
        /** {@code &}. */
        AND,
        /** {@code |}. */
        OR,
        /** {@code ^}. */
        XOR,
        /** {@code & ~}. */
        ANDNOT
    }

    /** How an RMW's new value is turned into the primitive's result. */
    public enum ResultTest {
        /** Not a testing primitive. */
        NONE,
        /** 1 if the new value is zero ({@code *_and_test}). */
        EQ_ZERO,
        /** 1 if the new value is negative ({@code atomic_add_negative*}). */
        NEGATIVE
    }

    /** Where a primitive's definition comes from. */
    public enum Origin {
        /** An entry of the current {@code linux-kernel.def}. */
        LINUX_KERNEL_DEF,
        /** Built into herd7 rather than defined by the def ({@code atomic_add_unless}). */
        HERD_BUILTIN,
        /** In older versions of the def only ({@code smp_read_barrier_depends}, {@code lockless_dereference}). */
        LEGACY_DEF,
        /** Not known to herd7: accepted by mmrace for convenience ({@code atomic_inc_not_zero}). */
        MMRACE_EXTENSION
    }
}
