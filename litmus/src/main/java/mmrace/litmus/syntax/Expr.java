package mmrace.litmus.syntax;

import java.util.List;

/**
 * An expression of a process body. Every node carries the position of its first character.
 *
 * <p>Names are resolved by the checker: a {@link Name} is always a parameter or a local declared
 * before its use in the same process, and a {@link Call} always names a known
 * {@link Primitive} with the right number of arguments.
 */
public sealed interface Expr {

    /** {@return where the expression starts} */
    SourcePos pos();

    /**
     * An integer constant.
     *
     * @param pos   position
     * @param value the value
     */
    record IntLiteral(SourcePos pos, long value) implements Expr {
    }

    /**
     * A local variable (register) or a parameter (a pointer to the global of the same name).
     *
     * @param pos  position
     * @param name the name
     */
    record Name(SourcePos pos, String name) implements Expr {
    }

    /**
     * A memory access {@code *pointer}: a plain load when read, a plain store when assigned.
     *
     * @param pos     position of the {@code *}
     * @param pointer the address expression
     */
    record Deref(SourcePos pos, Expr pointer) implements Expr {
    }

    /**
     * {@code &operand}, where the operand is a memory location ({@code *p} or {@code p[i]}).
     *
     * @param pos     position of the {@code &}
     * @param operand the location whose address is taken
     */
    record AddressOf(SourcePos pos, Expr operand) implements Expr {
    }

    /**
     * {@code base[index]}, i.e. {@code *(base + index)}.
     *
     * @param pos   position of the base
     * @param base  the pointer or array
     * @param index the index
     */
    record Index(SourcePos pos, Expr base, Expr index) implements Expr {
    }

    /**
     * A prefix operator.
     *
     * @param pos     position of the operator
     * @param op      the operator
     * @param operand the operand
     */
    record Unary(SourcePos pos, UnaryOp op, Expr operand) implements Expr {
    }

    /**
     * A binary operator.
     *
     * @param pos   position of the left operand
     * @param op    the operator
     * @param left  left operand
     * @param right right operand
     */
    record Binary(SourcePos pos, BinaryOp op, Expr left, Expr right) implements Expr {
    }

    /**
     * A cast {@code (type)operand}; {@code (void)e} evaluates e and discards its value.
     *
     * @param pos     position of the {@code (}
     * @param type    the target type
     * @param operand the operand
     */
    record Cast(SourcePos pos, CType type, Expr operand) implements Expr {
    }

    /**
     * A call of a kernel primitive, e.g. {@code READ_ONCE(*x)} or {@code smp_mb()}.
     *
     * @param pos       position of the primitive's name
     * @param primitive the primitive (name, arity, kind, ordering)
     * @param args      the arguments, as many as {@link Primitive#arity()}
     */
    record Call(SourcePos pos, Primitive primitive, List<Expr> args) implements Expr {
        /** Copies the argument list. */
        public Call {
            args = List.copyOf(args);
        }

        /** {@return the primitive's name} */
        public String name() {
            return primitive.name();
        }
    }
}
