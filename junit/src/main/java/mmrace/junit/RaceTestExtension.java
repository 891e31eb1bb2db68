package mmrace.junit;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import mmrace.engine.exec.Execution;
import mmrace.engine.exec.Program;
import mmrace.engine.explore.ExploreResult;
import mmrace.engine.trace.Diagram;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Runs a {@link RaceTest} method: instead of calling the method once, JUnit's invocation is
 * skipped and the explorer calls it as the program's setup, once per execution, each time
 * with a fresh {@link Execution}. The verdict and execution count go to the test report as
 * entries; a wrong verdict fails with the diagram and the replay string.
 */
public final class RaceTestExtension implements InvocationInterceptor, ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext pc, ExtensionContext ec) {
        return pc.getParameter().getType() == Execution.class
                && AnnotationSupport.isAnnotated(pc.getDeclaringExecutable(), RaceTest.class);
    }

    /**
     * JUnit resolves parameters before it asks interceptors, so the parameter must resolve;
     * its value is never used: the call JUnit would make is skipped, and the explorer passes
     * each execution's own {@link Execution} instead.
     */
    @Override
    public Object resolveParameter(ParameterContext pc, ExtensionContext ec) {
        return null;
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> ic,
                                    ExtensionContext ec) {
        Method m = ic.getExecutable();
        RaceTest a = AnnotationSupport.findAnnotation(m, RaceTest.class).orElseThrow();
        if (m.getParameterCount() != 1 || m.getParameterTypes()[0] != Execution.class) {
            throw new ExtensionConfigurationException("@RaceTest method " + m.getName()
                    + " must take exactly one parameter, the Execution it sets up: void " + m.getName() + "(Execution x)");
        }
        invocation.skip();
        Object target = ic.getTarget().orElse(null);
        String name = ec.getRequiredTestClass().getSimpleName() + "#" + m.getName();
        Program program = Program.named(name, x -> ReflectionSupport.invokeMethod(m, target, x));
        RaceCheck check = RaceCheck.of(program).named(name).strategy(a.strategy()).maxExecutions(a.maxExecutions())
                .budget(Budgets.parse(a.budget())).seed(a.seed()).executions(a.executions());
        if (!a.replay().isBlank()) {
            Execution x = check.expectReplay(a.replay(), a.expect());
            String diagram = Diagram.render(x);
            // Replaying is for looking at one execution: show it even when the test passes.
            System.out.print(diagram);
            ec.publishReportEntry("mmrace.trace", diagram);
            return;
        }
        ExploreResult r = check.expect(a.expect());
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("mmrace.verdict", r.verdict().text());
        entry.put("mmrace.executions", Long.toString(r.executions()));
        entry.put("mmrace.strategy", r.strategy().name().toLowerCase(java.util.Locale.ROOT));
        if (r.counterexample() != null) {
            entry.put("mmrace.trace", RaceMessages.trace(check, r.counterexample()));
        }
        ec.publishReportEntry(entry);
    }
}
