package org.radtab.radiomics.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Mask;
import org.radtab.radiomics.image.Volume;
import org.radtab.radiomics.io.ImageIO;
import org.radtab.radiomics.io.VoxelType;

/** Small synthetic image/mask pairs written to disk for batch tests. */
final class SyntheticCase {
    private SyntheticCase() {
    }

    /** A random int16 image (seeded) of {@code n x n x nz} voxels at {@code spacing} mm. */
    static Volume image(int n, int nz, double spacing, long seed) {
        Geometry g = Geometry.of(n, n, nz, spacing, spacing, spacing);
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[g.voxelCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextInt(-100, 200);
        }
        return Volume.wrap(g, v);
    }

    /** A mask with label 1 on the box [lo, hi] (inclusive, in all three axes, clipped to the grid). */
    static Mask box(Geometry g, int lo, int hi, int label) {
        Mask m = Mask.empty(g);
        for (int k = Math.max(lo, 0); k <= Math.min(hi, g.nz() - 1); k++) {
            for (int j = lo; j <= hi; j++) {
                for (int i = lo; i <= hi; i++) {
                    m.set(i, j, k, label);
                }
            }
        }
        return m;
    }

    /** Writes a random image and a box mask {@code [1, n-2]} as {@code name_image.nii.gz} / {@code name_mask.nii.gz}. */
    static Path[] write(Path dir, String name, int n, int nz, double spacing, long seed) throws IOException {
        Volume v = image(n, nz, spacing, seed);
        Mask m = box(v.geometry(), 1, n - 2, 1);
        return write(dir, name, v, m);
    }

    static Path[] write(Path dir, String name, Volume v, Mask m) throws IOException {
        Path img = dir.resolve(name + "_image.nii.gz");
        Path msk = dir.resolve(name + "_mask.nii.gz");
        ImageIO.writeVolume(v, img, VoxelType.INT16);
        ImageIO.writeMask(m, msk);
        return new Path[] {img, msk};
    }
}
