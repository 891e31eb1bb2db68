package mmrace.cli;

import java.util.List;
import mmrace.engine.mem.MemoryModel;

/** The memory models a user can name. */
final class Models {
    private Models() {
    }

    static List<MemoryModel> all() {
        return List.of(MemoryModel.sc());
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
