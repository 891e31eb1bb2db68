package mmrace.litmus.syntax;

/**
 * A value of the litmus state language: an integer, or the address of a global variable
 * (herd7 writes it as the bare name: in {@code 1:r0=x} and {@code { p=y; }}, {@code x} and
 * {@code y} denote addresses, not contents).
 *
 * <p>Each variant's {@code toString()} gives herd7's notation, used in final states: {@code 1}, {@code -1},
 * {@code x}.
 */
public sealed interface Value {

    /** The integer zero, every location's default initial value. */
    Value ZERO = new Int(0);

    /**
     * An integer.
     *
     * @param value the integer
     */
    record Int(long value) implements Value {
        @Override
        public String toString() {
            return Long.toString(value);
        }
    }

    /**
     * The address of a global variable.
     *
     * @param global the variable's name
     */
    record Address(String global) implements Value {
        @Override
        public String toString() {
            return global;
        }
    }

    /**
     * {@return an integer value}
     *
     * @param v the integer
     */
    static Value of(long v) {
        return new Int(v);
    }

    /**
     * {@return the address of a global}
     *
     * @param global the global's name
     */
    static Value addressOf(String global) {
        return new Address(global);
    }
}
