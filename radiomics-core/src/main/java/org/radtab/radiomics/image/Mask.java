package org.radtab.radiomics.image;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.integer.IntType;

/**
 * A label volume (segmentation) on a {@link Geometry}: 0 is background, any other value a
 * label. Optional segment names (for example from a 3D Slicer {@code .seg.nrrd}) map labels to
 * names. Backed by an ImgLib2 {@link ArrayImg} of {@link IntType}.
 */
public final class Mask {
    private final Geometry geometry;
    private final int[] labels;
    private final Map<Integer, String> segmentNames;
    private final ArrayImg<IntType, IntArray> img;

    private Mask(Geometry geometry, int[] labels, Map<Integer, String> segmentNames) {
        if (labels.length != geometry.voxelCount()) {
            throw new IllegalArgumentException("label array has " + labels.length + " values, geometry needs "
                + geometry.voxelCount());
        }
        this.geometry = geometry;
        this.labels = labels;
        this.segmentNames = Collections.unmodifiableMap(new TreeMap<>(segmentNames));
        this.img = ArrayImgs.ints(labels, geometry.nx(), geometry.ny(), geometry.nz());
    }

    /** Wraps {@code labels} (not copied). */
    public static Mask wrap(Geometry geometry, int[] labels) {
        return new Mask(geometry, labels, Map.of());
    }

    /** Wraps {@code labels} (not copied) with segment names. */
    public static Mask wrap(Geometry geometry, int[] labels, Map<Integer, String> segmentNames) {
        return new Mask(geometry, labels, segmentNames);
    }

    /** An empty (all background) mask. */
    public static Mask empty(Geometry geometry) {
        return new Mask(geometry, new int[geometry.voxelCount()], Map.of());
    }

    /** A binary mask (label 1) of the voxels where {@code inside[n]} is true. */
    public static Mask of(Geometry geometry, boolean[] inside) {
        int[] l = new int[inside.length];
        for (int n = 0; n < l.length; n++) {
            l[n] = inside[n] ? 1 : 0;
        }
        return new Mask(geometry, l, Map.of());
    }

    public Geometry geometry() { return geometry; }

    /** The backing label array (not a copy), flat index {@code i + nx * (j + ny * k)}. */
    public int[] labels() { return labels; }

    public ArrayImg<IntType, IntArray> img() { return img; }

    public int get(int i, int j, int k) { return labels[geometry.index(i, j, k)]; }

    public void set(int i, int j, int k, int label) { labels[geometry.index(i, j, k)] = label; }

    /** Segment names by label (empty when the file had none). */
    public Map<Integer, String> segmentNames() { return segmentNames; }

    /** Voxel count per non-zero label, in label order. */
    public Map<Integer, Integer> labelCounts() {
        TreeMap<Integer, Integer> counts = new TreeMap<>();
        for (int l : labels) {
            if (l != 0) {
                counts.merge(l, 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Number of voxels with value {@code label}. */
    public int count(int label) {
        return BoundingBox.count(labels, label);
    }

    /** A binary mask (values 0/1) of the voxels with value {@code label}; names are kept for that label. */
    public Mask select(int label) {
        int[] out = new int[labels.length];
        for (int n = 0; n < out.length; n++) {
            out[n] = labels[n] == label ? 1 : 0;
        }
        String name = segmentNames.get(label);
        return new Mask(geometry, out, name == null ? Map.of() : Map.of(1, name));
    }

    /**
     * Tight bounding box of the voxels with value {@code label}.
     *
     * @throws IllegalArgumentException if no voxel has that label
     */
    public BoundingBox boundingBox(int label) {
        BoundingBox box = BoundingBox.ofLabel(labels, geometry.nx(), geometry.ny(), geometry.nz(), label);
        if (box == null) {
            throw new IllegalArgumentException("label " + label + " is not present in the mask");
        }
        return box;
    }

    /** The labels inside {@code box}, on the corresponding sub-grid (a copy). */
    public Mask crop(BoundingBox box) {
        if (!box.fitsIn(geometry)) {
            throw new IllegalArgumentException(box + " does not fit in " + geometry);
        }
        int[] s = box.size();
        Geometry g = geometry.subGrid(box.lo(), s);
        int[] out = new int[g.voxelCount()];
        int nx = geometry.nx();
        int ny = geometry.ny();
        int n = 0;
        for (int k = 0; k < s[2]; k++) {
            for (int j = 0; j < s[1]; j++) {
                int src = box.lo(0) + nx * (box.lo(1) + j + ny * (box.lo(2) + k));
                System.arraycopy(labels, src, out, n, s[0]);
                n += s[0];
            }
        }
        return new Mask(g, out, segmentNames);
    }

    /** A deep copy. */
    public Mask copy() { return new Mask(geometry, labels.clone(), segmentNames); }

    /**
     * Checks that this mask lies on the grid of {@code image}.
     *
     * @throws GeometryMismatchException naming the differing field
     */
    public void requireSameGrid(Volume image, double tolerance) {
        geometry.requireSameGrid(image.geometry(), tolerance);
    }

    @Override
    public String toString() {
        return "Mask[" + geometry + ", labels=" + labelCounts() + "]";
    }
}
