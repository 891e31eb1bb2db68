package mmrace.cli;

import picocli.CommandLine;

/** Prints the version from the jar's manifest (the Maven project version). */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"mmrace " + (v == null ? "(development build)" : v),
                "Java " + Runtime.version()};
    }
}
