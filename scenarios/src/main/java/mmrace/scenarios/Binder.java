package mmrace.scenarios;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mmrace.engine.exec.FindingKind;
import mmrace.kernel.KernelConfig;
import mmrace.kernel.arch.Arch;
import mmrace.kernel.variant.Variants;
import mmrace.kernel.world.MmWorld;
import mmrace.kernel.world.Task;
import mmrace.kernel.world.WorldState;

/**
 * Turns a scenario and one row of its matrix into an {@link MmWorld}: the arch and variants of
 * the row, the setup by calling the setup verbs on the world builder's specs, and each CPU block
 * as a body that calls the entry points in order, binding results to names per execution.
 */
public final class Binder {
    private Binder() {
    }

    public static MmWorld world(Ast.Scenario s, Ast.RunDecl run) {
        KernelConfig cfg = KernelConfig.defaults().withArch(Arch.byName(run.arch()))
                .withVariants(run.variants().equals("default") ? Variants.defaults() : Variants.parse(run.variants()));
        for (List<Ast.Step> c : s.config()) {
            cfg = (KernelConfig) call(cfg, c, Map.of());
        }
        MmWorld.Builder b = MmWorld.builder().name(s.name()).config(cfg);
        for (Ast.FileDecl f : s.files()) {
            if (f.shmem()) {
                b.shmem(f.name(), f.pages(), spec -> f.setup().forEach(c -> call(spec, c, Map.of())));
            } else {
                b.file(f.name(), f.pages(), spec -> f.setup().forEach(c -> call(spec, c, Map.of())));
            }
        }
        for (Ast.ProcessDecl p : s.processes()) {
            b.process(p.name(), spec -> p.setup().forEach(c -> call(spec, c, Map.of())));
        }
        for (Ast.CpuDecl c : s.cpus()) {
            switch (c.kind()) {
                case TASK -> b.cpu(c.process(), t -> body(t, c.body()));
                case KTHREAD -> b.kthread(t -> body(t, c.body()));
                case KTHREAD_LAZY -> b.kthreadLazy(c.process(), t -> body(t, c.body()));
            }
        }
        for (Ast.EndCheck e : s.checks()) {
            b.atEnd(st -> endCheck(st, e));
        }
        return b.build();
    }

    private static void body(Task t, List<Ast.Stmt> body) {
        Map<String, Object> env = new HashMap<>();
        for (Ast.Stmt st : body) {
            switch (st) {
                case Ast.Call c -> {
                    Object r = call(t, c.chain(), env);
                    if (c.bind() != null) {
                        env.put(c.bind(), r);
                        if (r instanceof Number n) {
                            t.record(c.bind(), n.longValue());
                        }
                    }
                }
                case Ast.Assert a -> {
                    long l = num(value(a.left(), env));
                    long r = num(value(a.right(), env));
                    if (!Asserts.holds(l, a.op(), r)) {
                        throw t.x().fail(FindingKind.CHECK, a.check(), "assertion at line " + a.line() + " failed: "
                                + l + " " + a.op() + " " + r);
                    }
                }
            }
        }
    }

    private static void endCheck(WorldState st, Ast.EndCheck e) {
        Object[] args = new Object[e.args().size() + 1];
        args[0] = st;
        for (int i = 0; i < e.args().size(); i++) {
            args[i + 1] = ((Ast.Lit) e.args().get(i)).value();
        }
        long got = num(invoke(e.probe(), null, args));
        st.check(Asserts.holds(got, e.op(), e.expected()), e.name(), e.probe().getName() + " is " + got
                + ", expected " + e.op() + " " + e.expected());
    }

    /** Calls a chain on {@code target}: each step on what the previous one returned. */
    static Object call(Object target, List<Ast.Step> chain, Map<String, Object> env) {
        Object on = target;
        for (Ast.Step step : chain) {
            Class<?>[] types = step.method().getParameterTypes();
            Object[] args = new Object[step.args().size()];
            for (int i = 0; i < args.length; i++) {
                args[i] = coerce(value(step.args().get(i), env), types[i]);
            }
            on = invoke(step.method(), on, args);
        }
        return on;
    }

    private static Object value(Ast.Arg a, Map<String, Object> env) {
        return switch (a) {
            case Ast.Lit l -> l.value();
            case Ast.Ref r -> env.get(r.name());
        };
    }

    private static Object coerce(Object v, Class<?> type) {
        if (type == int.class && v instanceof Number n) {
            return n.intValue();
        }
        if (type == long.class && v instanceof Number n) {
            return n.longValue();
        }
        return v;
    }

    private static long num(Object v) {
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof java.util.Collection<?> c) {
            return c.size();
        }
        throw new IllegalStateException("not a number: " + v);
    }

    /** Invokes, letting the model's own exceptions (findings, aborts) through unwrapped. */
    private static Object invoke(Method m, Object on, Object[] args) {
        try {
            return m.invoke(on, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
