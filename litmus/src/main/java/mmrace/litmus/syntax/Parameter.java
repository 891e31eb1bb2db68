package mmrace.litmus.syntax;

/**
 * A parameter of a process, e.g. {@code int *x}. Parameters are always pointers and their
 * names matter: {@code int *x} in two processes is the same global {@code x}.
 *
 * @param pos  position of the parameter's type
 * @param type the declared type (a pointer)
 * @param name the parameter's name, which is the global's name
 */
public record Parameter(SourcePos pos, CType type, String name) {

    /** {@return the type of the global the parameter points to, e.g. {@code int} for {@code int *x}} */
    public CType globalType() {
        return type.pointee();
    }
}
