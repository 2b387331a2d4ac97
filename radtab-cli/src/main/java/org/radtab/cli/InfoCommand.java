package org.radtab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.radtab.radiomics.image.BoundingBox;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.GeometryMismatchException;
import org.radtab.radiomics.image.Mask;
import org.radtab.radiomics.image.Volume;
import org.radtab.radiomics.io.DicomSeriesReader;
import org.radtab.radiomics.io.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code radtab info IMAGE [MASK]}: format, grid (size, spacing, origin, direction in LPS) and
 * intensity range of an image; for a mask the voxel count, segment name and bounding box of each
 * label, the intensities inside each label, and whether the mask lies on the image's grid.
 */
@Command(name = "info", mixinStandardHelpOptions = true,
    description = {"Show an image's format, grid and intensity range, and a mask's labels.",
        "IMAGE and MASK: .nii, .nii.gz, .nrrd, .nhdr, .seg.nrrd, or (IMAGE only) a folder of DICOM slices.",
        "Exits with 1 when MASK does not lie on IMAGE's voxel grid."})
public final class InfoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IMAGE", description = "image file or DICOM folder")
    Path image;

    @Parameters(index = "1", paramLabel = "MASK", arity = "0..1", description = "optional label mask")
    Path mask;

    @Option(names = "--series", paramLabel = "UID", description = "Series Instance UID to read from a DICOM folder "
        + "holding several series")
    String seriesUid;

    @Option(names = "--tolerance", paramLabel = "MM", defaultValue = "1e-4",
        description = "tolerance of the grid check (spacing, origin in mm; direction cosines); default ${DEFAULT-VALUE}")
    double tolerance;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        boolean dicom = ImageIO.format(image) == ImageIO.Format.DICOM_FOLDER;
        Volume v = dicom ? DicomSeriesReader.read(image, seriesUid) : ImageIO.readVolume(image);
        out.println("image       " + image);
        out.println("format      " + (dicom ? DicomSeriesReader.describe(image, seriesUid) : ImageIO.describe(image)));
        printGrid(out, v.geometry());
        double[] mmm = v.minMeanMax();
        out.println("intensity   min " + Format.num(mmm[0]) + ", mean " + Format.num(mmm[1]) + ", max "
            + Format.num(mmm[2]));
        if (mask == null) {
            out.flush();
            return ExitCodes.OK;
        }
        Mask m = ImageIO.readMask(mask);
        out.println();
        out.println("mask        " + mask);
        out.println("format      " + ImageIO.describe(mask));
        String mismatch = null;
        try {
            m.geometry().requireSameGrid(v.geometry(), tolerance);
        } catch (GeometryMismatchException e) {
            mismatch = e.getMessage();
        }
        if (mismatch != null) {
            printGrid(out, m.geometry());
            out.println("grid check  MISMATCH: the mask does not lie on the image's voxel grid: " + mismatch);
        } else {
            out.println("grid check  OK: same size, spacing, origin and direction as the image (tolerance "
                + tolerance + ")");
        }
        Map<Integer, Integer> counts = m.labelCounts();
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        out.println("mask voxels " + total + " in " + counts.size() + (counts.size() == 1 ? " label" : " labels"));
        for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
            int label = e.getKey();
            BoundingBox b = m.boundingBox(label);
            String name = m.segmentNames().get(label);
            out.println("  label " + label + (name == null ? "" : " \"" + name + "\"") + ": " + e.getValue()
                + " voxels, " + Format.num(e.getValue() * m.geometry().voxelVolume()) + " mm^3");
            out.println("    bounding box i " + b.lo(0) + ".." + b.hi(0) + ", j " + b.lo(1) + ".." + b.hi(1) + ", k "
                + b.lo(2) + ".." + b.hi(2) + " (" + b.size(0) + " x " + b.size(1) + " x " + b.size(2) + " voxels)");
            if (mismatch == null) {
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                double sum = 0;
                int[] l = m.labels();
                double[] d = v.data();
                for (int n = 0; n < l.length; n++) {
                    if (l[n] == label) {
                        min = Math.min(min, d[n]);
                        max = Math.max(max, d[n]);
                        sum += d[n];
                    }
                }
                out.println("    intensity min " + Format.num(min) + ", mean " + Format.num(sum / e.getValue())
                    + ", max " + Format.num(max));
            }
        }
        out.flush();
        if (mismatch != null) {
            spec.commandLine().getErr().println("radtab info: mask " + mask + " does not match image " + image + ": "
                + mismatch);
            return ExitCodes.CHECK_FAILED;
        }
        return ExitCodes.OK;
    }

    private static void printGrid(PrintWriter out, Geometry g) {
        out.println("size        " + g.nx() + " x " + g.ny() + " x " + g.nz() + " voxels");
        out.println("spacing     " + Format.triple(g.spacing()) + " mm");
        double[] o = g.origin();
        out.println("origin      " + Format.vector(o[0], o[1], o[2]) + " mm (LPS)");
        double[] d = g.direction();
        out.println("direction   i " + Format.vector(d[0], d[3], d[6]) + ", j " + Format.vector(d[1], d[4], d[7])
            + ", k " + Format.vector(d[2], d[5], d[8]));
    }
}
