package mmrace.litmus.run;

import mmrace.engine.mem.Dep;

/**
 * A value of a process register or expression, with the loads it was computed from: herd's
 * dependencies are syntactic, so they travel with the value (an address dependency when it is
 * used as an address, a data dependency when stored, a control dependency when branched on).
 *
 * @param v   the value (an integer or a global's address, see {@link Layout})
 * @param dep the loads it depends on
 */
record Val(long v, Dep dep) {
    static final Val ZERO = new Val(0, Dep.NONE);

    static Val of(long v) {
        return new Val(v, Dep.NONE);
    }

    /** A value computed from this one and {@code o}. */
    Val with(long nv, Val o) {
        return new Val(nv, dep.and(o.dep));
    }
}
