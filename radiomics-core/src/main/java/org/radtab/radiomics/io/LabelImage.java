package org.radtab.radiomics.io;

import java.nio.file.Path;
import org.radtab.radiomics.image.Mask;
import org.radtab.radiomics.image.Volume;

/** Converts an intensity volume read from a file into a label {@link Mask}. */
final class LabelImage {
    private LabelImage() {
    }

    /** Labels must be whole numbers in int range; anything else is a format error naming the voxel. */
    static Mask toMask(Volume v, Path file) throws ImageFormatException {
        double[] d = v.data();
        int[] labels = new int[d.length];
        for (int n = 0; n < d.length; n++) {
            double x = d[n];
            if (x != Math.rint(x) || x < Integer.MIN_VALUE || x > Integer.MAX_VALUE) {
                int nx = v.geometry().nx();
                int ny = v.geometry().ny();
                throw new ImageFormatException(file, "data", "mask voxel (" + (n % nx) + ", " + (n / nx % ny) + ", "
                    + (n / nx / ny) + ") has non-integer label value " + x);
            }
            labels[n] = (int) x;
        }
        return Mask.wrap(v.geometry(), labels);
    }
}
