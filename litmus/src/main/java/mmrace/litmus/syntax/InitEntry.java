package mmrace.litmus.syntax;

import java.util.Optional;

/**
 * One entry of the initial state block. The forms herd7 accepts, and how they are recorded:
 * <pre>
 *   x=1;                          Global x,        no type,        Int 1
 *   int x = 1;                    Global x,        int,            Int 1
 *   int x;                        Global x,        int,            no value (zero)
 *   atomic_t v = ATOMIC_INIT(1);  Global v,        atomic_t,       Int 1
 *   spinlock_t s;                 Global s,        spinlock_t,     no value (unlocked)
 *   int *y = &amp;x;  (or = x)       Global y,        int *,          Address x
 *   p=y;  (or p=&amp;y)              Global p,        no type,        Address y
 *   int x[2];                     Global x,        int[2],         no value (all zero)
 *   0:r1=0;                       Register 0:r1,   no type,        Int 0
 * </pre>
 * As in herd7, a global's name on the right denotes its address ({@code int x = y} means
 * {@code int x = &y}).
 *
 * @param pos      position of the entry
 * @param location the initialized location
 * @param type     the declared type, if written
 * @param value    the initial value, if written (otherwise zero)
 */
public record InitEntry(SourcePos pos, Location location, Optional<CType> type, Optional<Value> value) {

    /** {@return the initial value, zero when not written} */
    public Value valueOrZero() {
        return value.orElse(Value.ZERO);
    }
}
