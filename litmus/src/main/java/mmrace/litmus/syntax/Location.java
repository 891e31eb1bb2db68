package mmrace.litmus.syntax;

/**
 * A location visible outside the processes: in the initial state, in {@code locations [...]},
 * in the {@code filter} and in the final condition, and as a key of a final state. Locations
 * have value semantics (no source position), so they can key maps.
 *
 * <p>Each variant's {@code toString()} gives herd7's notation: {@code x}, {@code 0:r1}, {@code x[1]}.
 */
public sealed interface Location {

    /**
     * A shared global variable, e.g. {@code x} (a process reaches it through its parameter of
     * the same name).
     *
     * @param name the variable name
     */
    record Global(String name) implements Location {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * A register (local variable or parameter) of a process, e.g. {@code 0:r1}.
     *
     * @param process the process number ({@code 0} for {@code P0})
     * @param name    the local variable's name
     */
    record Register(int process, String name) implements Location {
        @Override
        public String toString() {
            return process + ":" + name;
        }
    }

    /**
     * One cell of a global array declared in the initial state ({@code int x[2];}), e.g.
     * {@code x[1]}.
     *
     * @param array the array's name
     * @param index the cell index
     */
    record ArrayCell(String array, int index) implements Location {
        @Override
        public String toString() {
            return array + "[" + index + "]";
        }
    }
}
