package org.radtab.radiomics.conformance;

/**
 * The IBSI 1 reference data sets: the digital phantom and the five configurations A..E of the
 * lung CT phantom (IBSI reference manual, chapter on reference data sets; summary in the data
 * README):
 *
 * <table>
 *   <caption>CT phantom configurations</caption>
 *   <tr><th>config</th><th>texture</th><th>interpolation</th><th>re-segmentation</th><th>discretisation</th></tr>
 *   <tr><td>A</td><td>2D</td><td>none</td><td>[-500, 400] HU</td><td>bin size 25 HU</td></tr>
 *   <tr><td>B</td><td>2D</td><td>2 x 2 mm in-plane, linear</td><td>[-500, 400] HU</td><td>32 bins</td></tr>
 *   <tr><td>C</td><td>3D</td><td>2 x 2 x 2 mm, linear</td><td>[-1000, 400] HU</td><td>bin size 25 HU (IVH 2.5 HU)</td></tr>
 *   <tr><td>D</td><td>3D</td><td>2 x 2 x 2 mm, linear</td><td>mean +- 3 sd</td><td>32 bins</td></tr>
 *   <tr><td>E</td><td>3D</td><td>2 x 2 x 2 mm, cubic spline</td><td>[-1000, 400] HU, then mean +- 3 sd</td><td>32 bins (IVH 1000 bins)</td></tr>
 * </table>
 *
 * The digital phantom uses no interpolation and no discretisation (grey levels 1..6 already).
 */
public enum Ibsi1Case {
    DIGITAL_PHANTOM("ibsi1-digital-phantom", "dig_phantom.csv", "digital_phantom", ' '),
    CT_A("ibsi1-ct-a", "chest_config_a.csv", "ct_phantom", 'A'),
    CT_B("ibsi1-ct-b", "chest_config_b.csv", "ct_phantom", 'B'),
    CT_C("ibsi1-ct-c", "chest_config_c.csv", "ct_phantom", 'C'),
    CT_D("ibsi1-ct-d", "chest_config_d.csv", "ct_phantom", 'D'),
    CT_E("ibsi1-ct-e", "chest_config_e.csv", "ct_phantom", 'E');

    private final String suite;
    private final String referenceFile;
    private final String imageFolder;
    private final char configuration;

    Ibsi1Case(String suite, String referenceFile, String imageFolder, char configuration) {
        this.suite = suite;
        this.referenceFile = referenceFile;
        this.imageFolder = imageFolder;
        this.configuration = configuration;
    }

    /** Suite name in reports, e.g. {@code ibsi1-ct-a}. */
    public String suiteName() { return suite; }

    /** File under {@code ibsi1/reference/}. */
    public String referenceFile() { return referenceFile; }

    /** Folder under {@code ibsi1/} holding {@code image.nii.gz} and {@code mask.nii.gz}. */
    public String imageFolder() { return imageFolder; }

    /** 'A'..'E' for the CT phantom, ' ' for the digital phantom. */
    public char configuration() { return configuration; }

    public boolean isCtPhantom() { return this != DIGITAL_PHANTOM; }
}
