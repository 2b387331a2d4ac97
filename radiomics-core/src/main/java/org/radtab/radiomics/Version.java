package org.radtab.radiomics;

/** RadTab's version, from the jar manifest when packaged. */
public final class Version {
    /** e.g. {@code 0.1.0-SNAPSHOT}. */
    public static final String VERSION = resolve();

    private Version() {
    }

    private static String resolve() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }
}
