package mmrace.engine.mem;

import java.util.function.LongUnaryOperator;
import mmrace.engine.exec.Execution;
import mmrace.engine.exec.Proc;

/** Sequential consistency: one value per location; fences do nothing. */
final class ScMemory implements Memory {
    static final MemoryModel MODEL = new MemoryModel() {
        @Override
        public String name() {
            return "sc";
        }

        @Override
        public Memory create(Execution x) {
            return new ScMemory();
        }
    };

    @Override
    public long load(Proc p, Loc loc, Order order) {
        return loc.scValue;
    }

    @Override
    public void store(Proc p, Loc loc, long value, Order order) {
        loc.scValue = value;
    }

    @Override
    public long rmw(Proc p, Loc loc, Order order, LongUnaryOperator f, boolean writeIfSame) {
        long old = loc.scValue;
        loc.scValue = f.applyAsLong(old);
        return old;
    }

    @Override
    public void fence(Proc p, Fence fence) {
        // Under SC every access is already ordered.
    }

    @Override
    public long peek(Loc loc) {
        return loc.scValue;
    }

    @Override
    public void init(Loc loc, long value) {
        loc.scValue = value;
    }
}
