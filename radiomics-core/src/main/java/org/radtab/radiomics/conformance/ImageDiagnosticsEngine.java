package org.radtab.radiomics.conformance;

import java.util.LinkedHashMap;
import java.util.Map;
import org.radtab.radiomics.image.BoundingBox;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Mask;
import org.radtab.radiomics.image.Volume;

/**
 * Computes the IBSI 1 diagnostic values that describe the images as read, before any
 * processing (the {@code _init_img} and {@code _init_roi} tags of the CT phantom reference
 * files); they prove the harness and the image model on real reference rows. It computes no
 * feature and nothing for PyRadiomics ({@code diagnostics_*} rows are not features and are not
 * compared) or IBSI 2.
 *
 * <ul>
 *   <li>{@code img_dim_{x,y,z}_init_img}: voxels along i, j, k.</li>
 *   <li>{@code vox_dim_{x,y,z}_init_img}: spacing in mm.</li>
 *   <li>{@code mean_int_init_img}, {@code min_int_init_img}, {@code max_int_init_img}: over all voxels.</li>
 *   <li>{@code int_mask_dim_{x,y,z}_init_roi}: the mask grid size (equal to the image's).</li>
 *   <li>{@code int_mask_bb_dim_{x,y,z}_init_roi}, {@code morph_mask_bb_dim_{x,y,z}_init_roi}: the
 *       ROI's bounding box size in voxels (before re-segmentation both masks are the ROI).</li>
 *   <li>{@code int_mask_vox_count_init_roi}, {@code morph_mask_vox_count_init_roi}: ROI voxels.</li>
 *   <li>{@code int_mask_mean_int_init_roi}, {@code int_mask_min_int_init_roi},
 *       {@code int_mask_max_int_init_roi}: intensities inside the ROI.</li>
 * </ul>
 * The ROI is every non-zero mask voxel.
 */
public final class ImageDiagnosticsEngine implements ConformanceEngine {

    @Override
    public String name() {
        return "image-diagnostics";
    }

    @Override
    public int priority() {
        return -100;
    }

    @Override
    public Map<String, Double> ibsi1(Ibsi1Request request) {
        return diagnostics(request.image(), request.mask());
    }

    /** The diagnostic values listed above for {@code image} and {@code mask}. */
    public static Map<String, Double> diagnostics(Volume image, Mask mask) {
        Map<String, Double> out = new LinkedHashMap<>();
        Geometry g = image.geometry();
        String[] axis = {"x", "y", "z"};
        for (int a = 0; a < 3; a++) {
            out.put("img_dim_" + axis[a] + "_init_img", (double) g.size(a));
            out.put("vox_dim_" + axis[a] + "_init_img", g.spacing(a));
            out.put("int_mask_dim_" + axis[a] + "_init_roi", (double) mask.geometry().size(a));
        }
        double[] mmm = image.minMeanMax();
        out.put("mean_int_init_img", mmm[1]);
        out.put("min_int_init_img", mmm[0]);
        out.put("max_int_init_img", mmm[2]);

        int[] labels = mask.labels();
        double[] data = image.data();
        if (labels.length != data.length) {
            return out;
        }
        long count = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int[] roi = new int[labels.length];
        for (int n = 0; n < labels.length; n++) {
            if (labels[n] != 0) {
                roi[n] = 1;
                count++;
                sum += data[n];
                min = Math.min(min, data[n]);
                max = Math.max(max, data[n]);
            }
        }
        out.put("int_mask_vox_count_init_roi", (double) count);
        out.put("morph_mask_vox_count_init_roi", (double) count);
        if (count > 0) {
            BoundingBox box = Mask.wrap(mask.geometry(), roi).boundingBox(1);
            for (int a = 0; a < 3; a++) {
                out.put("int_mask_bb_dim_" + axis[a] + "_init_roi", (double) box.size(a));
                out.put("morph_mask_bb_dim_" + axis[a] + "_init_roi", (double) box.size(a));
            }
            out.put("int_mask_mean_int_init_roi", sum / count);
            out.put("int_mask_min_int_init_roi", min);
            out.put("int_mask_max_int_init_roi", max);
        }
        return out;
    }
}
