package mmrace.scenarios;

import java.lang.reflect.Method;
import java.util.List;

/** The parsed, name-checked form of a scenario file: records only, no behaviour beyond accessors. */
public final class Ast {
    private Ast() {
    }

    /** An argument of a call: a value known when parsing, or a name bound earlier in the CPU block. */
    public sealed interface Arg permits Lit, Ref {
    }

    /** A literal value, already converted to the parameter's type. */
    public record Lit(Object value) implements Arg {
    }

    /** A name bound by an earlier {@code name = call} of the same CPU block. */
    public record Ref(String name) implements Arg {
    }

    /** One method call of a chain; the next step is called on what this one returns. */
    public record Step(Method method, List<Arg> args) {
    }

    /** A file or shmem file and the state of its page cache. */
    public record FileDecl(String name, int pages, boolean shmem, List<List<Step>> setup) {
    }

    /** A process: its VMAs and pages, one chain of setup verbs a line. */
    public record ProcessDecl(String name, List<List<Step>> setup) {
    }

    /** What runs on a CPU. */
    public enum CpuKind { TASK, KTHREAD, KTHREAD_LAZY }

    /** One CPU block: a thread of {@code process}, a kernel thread, or one with {@code process}'s mm lazily loaded. */
    public record CpuDecl(CpuKind kind, String process, List<Stmt> body) {
    }

    /** A line of a CPU block. */
    public sealed interface Stmt permits Call, Assert {
    }

    /** {@code [name =] entry args...}: calls an entry point; a numeric result is also recorded under {@code name}. */
    public record Call(String bind, List<Step> chain, int line) implements Stmt {
    }

    /** {@code assert left OP right [as check-name]}: a check at this point of the CPU block. */
    public record Assert(Arg left, String op, Arg right, String check, int line) implements Stmt {
    }

    /** {@code check NAME probe args OP value}: a condition over the final state. */
    public record EndCheck(String name, Method probe, List<Arg> args, String op, long expected) {
    }

    /** One row of the run matrix. */
    public record RunDecl(String arch, String variants, String rcu, String expected, String check, long executions,
                          int line) {
        /** {@code arch/variants}, the run's label in tables and replay keys. */
        public String label() {
            return arch + "/" + variants + (rcu == null ? "" : "/rcu=" + rcu);
        }

        /**
         * What the tables' variant column shows: {@code variants}, and the run's own RCU flavour
         * when it overrides the file's ({@code 4.15 rcu=consolidated}), so two rows that differ
         * only by it do not look alike.
         */
        public String variantColumn() {
            return variants + (rcu == null ? "" : " rcu=" + rcu);
        }
    }

    /** A whole scenario file. */
    public record Scenario(String path, String name, String summary, List<String> refs, List<List<Step>> config,
                           String rcu, List<FileDecl> files, List<ProcessDecl> processes, List<CpuDecl> cpus,
                           List<EndCheck> checks, List<RunDecl> runs) {
    }
}
