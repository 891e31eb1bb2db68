package mmrace.litmus.syntax;

import java.util.List;
import java.util.Optional;

/**
 * A statement of a process body. herd7's C has no {@code for}, {@code do}, {@code switch},
 * {@code goto} or {@code return}; it has {@code while} (unrolled by herd7), which the executor
 * must bound.
 */
public sealed interface Stmt {

    /** {@return where the statement starts} */
    SourcePos pos();

    /**
     * A local variable declaration {@code int r0;}, {@code int r1 = e;} or {@code int *r2;}.
     * Locals are the process's registers: they are visible in the condition as {@code N:name}.
     *
     * @param pos  position of the type
     * @param type declared type
     * @param name variable name
     * @param init initializer, if any
     */
    record Declare(SourcePos pos, CType type, String name, Optional<Expr> init) implements Stmt {
    }

    /**
     * An assignment {@code target = value;} where the target is a local ({@code r0}), a
     * memory location ({@code *x}, {@code *r0}) or an array cell ({@code x[1]}).
     *
     * @param pos    position of the target
     * @param target the assigned lvalue: {@link Expr.Name}, {@link Expr.Deref} or
     *               {@link Expr.Index}
     * @param value  the assigned value
     */
    record Assign(SourcePos pos, Expr target, Expr value) implements Stmt {
    }

    /**
     * An expression evaluated for its effect: a primitive call {@code smp_mb();} or a cast to
     * void {@code (void)atomic_add_unless(v, 1, 0);}.
     *
     * @param pos  position
     * @param expr the expression
     */
    record Eval(SourcePos pos, Expr expr) implements Stmt {
    }

    /**
     * {@code if (cond) then else otherwise}.
     *
     * @param pos       position of {@code if}
     * @param cond      condition (non-zero is true)
     * @param then      the branch taken when non-zero
     * @param otherwise the {@code else} branch, if any
     */
    record If(SourcePos pos, Expr cond, Stmt then, Optional<Stmt> otherwise) implements Stmt {
    }

    /**
     * {@code while (cond) body}.
     *
     * @param pos  position of {@code while}
     * @param cond loop condition
     * @param body loop body
     */
    record While(SourcePos pos, Expr cond, Stmt body) implements Stmt {
    }

    /**
     * A braced block {@code { ... }}.
     *
     * @param pos        position of the opening brace
     * @param statements the statements in order
     */
    record Block(SourcePos pos, List<Stmt> statements) implements Stmt {
        /** Copies the statement list. */
        public Block {
            statements = List.copyOf(statements);
        }
    }
}
