package org.radtab.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.radtab.radiomics.image.GeometryMismatchException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code radtab} command. Sub-commands live in this package, one class each:
 * {@link InfoCommand} ({@code info}) and {@link ConformanceCommand} ({@code conformance}).
 * Exit codes: {@link ExitCodes}.
 */
@Command(name = "radtab", mixinStandardHelpOptions = true, versionProvider = RadtabCommand.Version.class,
    description = "RadTab: radiomics features, feature selection, imbalance handling, models and the RBP reference study.",
    footer = ExitCodes.HELP,
    subcommands = {InfoCommand.class, ExtractCommand.class, ConformanceCommand.class, SelectCommand.class,
        ResampleCommand.class, TrainCommand.class, PredictCommand.class, StudyCommand.class, PhantomCommand.class,
        CommandLine.HelpCommand.class})
public final class RadtabCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    /** Builds the command line with every sub-command registered and RadTab's exit codes. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new RadtabCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(RadtabCommand::handle);
        return cl;
    }

    /** Input problems are reported in one line (file and field); anything else with its stack trace. */
    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        String cmd = "radtab " + cl.getCommandName();
        if (e instanceof IOException || e instanceof GeometryMismatchException) {
            cl.getErr().println(cmd + ": " + e.getMessage());
            cl.getErr().flush();
            return ExitCodes.INPUT_ERROR;
        }
        cl.getErr().println(cmd + ": internal error: " + e);
        e.printStackTrace(cl.getErr());
        cl.getErr().flush();
        return ExitCodes.INTERNAL_ERROR;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** Version from the jar manifest (or the build's version). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = RadtabCommand.class.getPackage().getImplementationVersion();
            return new String[] {"radtab " + (v == null ? "0.1.0-SNAPSHOT" : v),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
