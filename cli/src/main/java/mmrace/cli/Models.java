package mmrace.cli;

import java.util.List;
import mmrace.engine.mem.MemoryModel;

/** The memory models a user can name. */
final class Models {
    private Models() {
    }

    /** SC (interleavings, DPOR) and the weak models (execution graphs): tso, lkmm, alpha, alpha-4.15. */
    static List<MemoryModel> all() {
        List<MemoryModel> all = new java.util.ArrayList<>();
        all.add(MemoryModel.sc());
        all.add(mmrace.engine.weak.WeakModel.tso());
        all.add(mmrace.engine.weak.WeakModel.lkmm());
        all.add(mmrace.engine.weak.WeakModel.alpha());
        all.add(mmrace.engine.weak.WeakModel.alpha415());
        return all;
    }

    static MemoryModel byName(String name) throws BadInput {
        for (MemoryModel m : all()) {
            if (m.name().equals(name)) {
                return m;
            }
        }
        throw new BadInput("unknown memory model '" + name + "'; valid: "
                + String.join(", ", all().stream().map(MemoryModel::name).toList()));
    }
}
