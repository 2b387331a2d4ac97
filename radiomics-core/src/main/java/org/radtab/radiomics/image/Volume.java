package org.radtab.radiomics.image;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.DoubleArray;
import net.imglib2.type.numeric.real.DoubleType;
import org.radtab.radiomics.math.Extremes;

/**
 * A 3D intensity image on a {@link Geometry}.
 *
 * <p>Intensities are kept in double precision, because every PyRadiomics and IBSI computation
 * is done in double and normalised or filtered images would otherwise lose digits. Underneath is
 * an ImgLib2 {@link ArrayImg} of {@link DoubleType}, so ImgLib2 / Fiji code can use
 * {@link #img()} directly; RadTab's own hot loops use the backing array {@link #data()} (flat
 * index {@code i + nx * (j + ny * k)}).
 */
public final class Volume {
    private final Geometry geometry;
    private final double[] data;
    private final ArrayImg<DoubleType, DoubleArray> img;

    private Volume(Geometry geometry, double[] data) {
        if (data.length != geometry.voxelCount()) {
            throw new IllegalArgumentException("data has " + data.length + " values, geometry needs "
                + geometry.voxelCount());
        }
        this.geometry = geometry;
        this.data = data;
        this.img = ArrayImgs.doubles(data, geometry.nx(), geometry.ny(), geometry.nz());
    }

    /** A volume of zeros. */
    public static Volume zeros(Geometry geometry) {
        return new Volume(geometry, new double[geometry.voxelCount()]);
    }

    /** Wraps {@code data} (not copied) as the intensities of {@code geometry}. */
    public static Volume wrap(Geometry geometry, double[] data) {
        return new Volume(geometry, data);
    }

    /** Copies float intensities. */
    public static Volume of(Geometry geometry, float[] data) {
        double[] d = new double[data.length];
        for (int n = 0; n < d.length; n++) {
            d[n] = data[n];
        }
        return new Volume(geometry, d);
    }

    /**
     * Copies any ImgLib2 3D real-valued image into a volume on {@code geometry} (the image's
     * dimensions must equal the geometry's size).
     */
    public static Volume fromImg(net.imglib2.RandomAccessibleInterval<? extends net.imglib2.type.numeric.RealType<?>> image,
                                 Geometry geometry) {
        if (image.numDimensions() != 3 || image.dimension(0) != geometry.nx() || image.dimension(1) != geometry.ny()
            || image.dimension(2) != geometry.nz()) {
            throw new GeometryMismatchException("image dimensions do not match geometry " + geometry);
        }
        double[] d = new double[geometry.voxelCount()];
        net.imglib2.Cursor<? extends net.imglib2.type.numeric.RealType<?>> c =
            net.imglib2.view.Views.flatIterable(image).cursor();
        int n = 0;
        while (c.hasNext()) {
            d[n++] = c.next().getRealDouble();
        }
        return new Volume(geometry, d);
    }

    public Geometry geometry() { return geometry; }

    /** The backing array (not a copy), flat index {@code i + nx * (j + ny * k)}. */
    public double[] data() { return data; }

    /** The same voxels as an ImgLib2 image (shares storage with {@link #data()}). */
    public ArrayImg<DoubleType, DoubleArray> img() { return img; }

    public double get(int i, int j, int k) { return data[geometry.index(i, j, k)]; }

    public void set(int i, int j, int k, double v) { data[geometry.index(i, j, k)] = v; }

    /** A deep copy. */
    public Volume copy() { return new Volume(geometry, data.clone()); }

    /** The same geometry with other intensities (copied from {@code newData}'s reference, not cloned). */
    public Volume withData(double[] newData) { return new Volume(geometry, newData); }

    /** The voxels inside {@code box}, on the corresponding sub-grid (a copy). */
    public Volume crop(BoundingBox box) {
        if (!box.fitsIn(geometry)) {
            throw new IllegalArgumentException(box + " does not fit in " + geometry);
        }
        int[] s = box.size();
        Geometry g = geometry.subGrid(box.lo(), s);
        double[] out = new double[g.voxelCount()];
        int nx = geometry.nx();
        int ny = geometry.ny();
        int n = 0;
        for (int k = 0; k < s[2]; k++) {
            for (int j = 0; j < s[1]; j++) {
                int src = box.lo(0) + nx * (box.lo(1) + j + ny * (box.lo(2) + k));
                System.arraycopy(data, src, out, n, s[0]);
                n += s[0];
            }
        }
        return new Volume(g, out);
    }

    /** Minimum, mean and maximum over all voxels, as {@code {min, mean, max}}. */
    public double[] minMeanMax() {
        double sum = 0;
        Extremes.Running range = new Extremes.Running();
        for (double v : data) {
            sum += v;
            range.add(v);
        }
        return new double[] {range.min(), sum / data.length, range.max()};
    }

    @Override
    public String toString() {
        return "Volume[" + geometry + "]";
    }
}
