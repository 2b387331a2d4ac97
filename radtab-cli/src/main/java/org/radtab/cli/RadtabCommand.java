package org.radtab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code radtab} command. Sub-commands live in this package, one class each. */
@Command(name = "radtab", mixinStandardHelpOptions = true, versionProvider = RadtabCommand.Version.class,
    description = "RadTab: radiomics features, feature selection, imbalance handling, models and the RBP reference study.",
    subcommands = {CommandLine.HelpCommand.class, TrainCommand.class, PredictCommand.class})
public final class RadtabCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** Builds the command line with every sub-command registered. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new RadtabCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** Version from the jar manifest (or "dev"). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = RadtabCommand.class.getPackage().getImplementationVersion();
            return new String[] {"radtab " + (v == null ? "0.1.0-SNAPSHOT" : v),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
