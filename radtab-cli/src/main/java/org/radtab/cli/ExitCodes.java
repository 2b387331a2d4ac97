package org.radtab.cli;

/**
 * Exit codes of the {@code radtab} command (also listed in {@code radtab --help}).
 *
 * <ul>
 *   <li>{@value #OK}: success.</li>
 *   <li>{@value #CHECK_FAILED}: the command ran but a check failed: mask and image on different
 *       grids ({@code info}), at least one conformance value out of tolerance ({@code conformance}),
 *       at least one case failed ({@code extract}; its row holds the reason).</li>
 *   <li>{@value #USAGE}: invalid options or arguments.</li>
 *   <li>{@value #INPUT_ERROR}: an input could not be read: missing or malformed image, mask,
 *       folder or conformance data (the message names the file and field).</li>
 *   <li>{@value #INTERNAL_ERROR}: an unexpected error (a bug; please report it with the stack
 *       trace printed).</li>
 * </ul>
 */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int CHECK_FAILED = 1;
    public static final int USAGE = 2;
    public static final int INPUT_ERROR = 3;
    public static final int INTERNAL_ERROR = 4;

    private ExitCodes() {
    }

    /** The text shown at the end of {@code radtab --help}. */
    static final String HELP = "%nExit codes:%n"
        + "  0  success%n"
        + "  1  a check failed (info: mask/image grid mismatch; conformance: values out of%n"
        + "     tolerance; extract: some cases failed)%n"
        + "  2  invalid options or arguments%n"
        + "  3  an input could not be read (missing or malformed file, folder or data)%n"
        + "  4  unexpected internal error%n";
}
