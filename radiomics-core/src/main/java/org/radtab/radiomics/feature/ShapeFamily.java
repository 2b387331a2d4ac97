package org.radtab.radiomics.feature;

import java.util.LinkedHashMap;
import org.radtab.radiomics.image.Geometry;

/**
 * Shape (PyRadiomics {@code shape}) and morphology (IBSI {@code morph_*}) of an ROI.
 *
 * <h2>Representations</h2>
 * <ul>
 *   <li><b>Mesh.</b> Marching cubes on the morphological mask cropped to its bounding box and
 *       padded by one background voxel, every vertex at the midpoint of an ROI/background edge
 *       (see {@link MarchingCubes}); ambiguous faces follow a {@link MeshConvention}
 *       ({@code PYRADIOMICS} for {@link #pyradiomics}, {@code CONSISTENT} for {@link #ibsi}).
 *       Positions are {@code index * spacing} in array order (z, y, x) from the first voxel of
 *       the padded box; origin and direction cosines do not matter (all features are invariant
 *       to rigid motions).</li>
 *   <li><b>Vertex set</b> {@code X_vx}: the midpoints of all face-adjacent ROI/background voxel
 *       pairs (the mesh vertices), used for diameters, bounding box and convex hull.</li>
 *   <li><b>Voxel centres</b> {@code X_c} of the morphological mask ({@code index * spacing}),
 *       used for PCA; the intensity mask and its intensities for the centre of mass shift,
 *       integrated intensity, Moran's I and Geary's C.</li>
 * </ul>
 * Diameters are maxima over the convex-hull vertices of {@code X_vx} (the farthest pair of a set
 * is a pair of hull vertices), and the 2D diameters over per-plane 2D hulls, so no O(n^2) pass
 * over all vertices is made.
 *
 * <h2>Profiles</h2>
 * {@link Profile#PYRADIOMICS}: {@link MeshConvention#PYRADIOMICS} mesh, PCA on the population
 * covariance (divisor N). {@link Profile#IBSI}: {@link MeshConvention#CONSISTENT} (closed) mesh, PCA
 * on the sample covariance (divisor N - 1; the IBSI 1 digital-phantom values of the minor and least
 * axis and of the ellipsoid densities need it). All other definitions are shared.
 *
 * <h2>Undefined values</h2>
 * An empty morphological mask is an {@link IllegalArgumentException}. PCA ratios with a zero major
 * eigenvalue, the approximate enclosing ellipsoid of a flat ROI (least eigenvalue 0), and Moran's I
 * / Geary's C of a flat or single-voxel intensity ROI are NaN.
 *
 * <h2>Not computed</h2>
 * IBSI oriented minimum bounding box and minimum volume enclosing ellipsoid densities
 * ({@code morph_vol_dens_ombb}, {@code morph_area_dens_ombb}, {@code morph_vol_dens_mvee},
 * {@code morph_area_dens_mvee}) have no IBSI 1 consensus value for the reference data and depend
 * on the approximation algorithm; they are left out.
 */
public final class ShapeFamily {
    private final RoiImage roi;
    private final Profile profile;
    private final MeshConvention convention;
    /** Voxel size in array order (z, y, x). */
    private final double[] spacingZyx;
    private final int voxels;
    private final int[] lo;
    private final int[] size; // x, y, z of the bounding box
    private final byte[] padded;
    private final MarchingCubes.Measures mesh;
    private final SurfaceVertices vertices;
    private final double[] eigen; // ascending
    private ConvexHull3D hull;
    private double[] autocorrelation;

    private ShapeFamily(RoiImage roi, Profile profile) {
        this.roi = roi;
        this.profile = profile;
        this.convention = profile == Profile.PYRADIOMICS ? MeshConvention.PYRADIOMICS : MeshConvention.CONSISTENT;
        Geometry g = roi.geometry();
        this.spacingZyx = new double[] {g.spacing(2), g.spacing(1), g.spacing(0)};
        boolean[] m = roi.morphologicalMask();
        int nx = g.nx();
        int ny = g.ny();
        int nz = g.nz();
        int[] l = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        int[] h = {-1, -1, -1};
        int count = 0;
        int n = 0;
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++, n++) {
                    if (m[n]) {
                        count++;
                        l[0] = Math.min(l[0], i);
                        h[0] = Math.max(h[0], i);
                        l[1] = Math.min(l[1], j);
                        h[1] = Math.max(h[1], j);
                        l[2] = Math.min(l[2], k);
                        h[2] = Math.max(h[2], k);
                    }
                }
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("the morphological mask is empty: no shape features");
        }
        this.voxels = count;
        this.lo = l;
        this.size = new int[] {h[0] - l[0] + 1, h[1] - l[1] + 1, h[2] - l[2] + 1};
        int px = size[0] + 2;
        int py = size[1] + 2;
        int pz = size[2] + 2;
        padded = new byte[px * py * pz];
        for (int k = 0; k < size[2]; k++) {
            for (int j = 0; j < size[1]; j++) {
                int src = (l[0]) + nx * (l[1] + j + ny * (l[2] + k));
                int dst = ((k + 1) * py + (j + 1)) * px + 1;
                for (int i = 0; i < size[0]; i++) {
                    padded[dst + i] = m[src + i] ? (byte) 1 : (byte) 0;
                }
            }
        }
        this.mesh = MarchingCubes.of(convention).measure(padded, pz, py, px, spacingZyx);
        this.vertices = SurfaceVertices.of(padded, pz, py, px);
        this.eigen = principalMoments(m, g, profile == Profile.PYRADIOMICS ? count : count - 1);
    }

    /**
     * The shape of {@code roi}'s morphological mask under a profile: {@code PYRADIOMICS} uses the
     * {@link MeshConvention#PYRADIOMICS} mesh and the population covariance (divisor N) for PCA,
     * {@code IBSI} the {@link MeshConvention#CONSISTENT} mesh and the sample covariance (divisor
     * N - 1, which the IBSI 1 reference values for the digital phantom require).
     */
    public static ShapeFamily of(RoiImage roi, Profile profile) {
        return new ShapeFamily(roi, profile);
    }

    /**
     * PyRadiomics {@code shape}: the 14 default features (names without prefix) in PyRadiomics'
     * output order, on the {@link MeshConvention#PYRADIOMICS} mesh. Pass the mask PyRadiomics uses
     * for shape as the morphological mask (by default the mask before re-segmentation, cropped to
     * the bounding box of the re-segmented mask).
     */
    public static LinkedHashMap<String, Double> pyradiomics(RoiImage roi) {
        ShapeFamily s = of(roi, Profile.PYRADIOMICS);
        LinkedHashMap<String, Double> out = new LinkedHashMap<>();
        out.put("Elongation", s.elongation());
        out.put("Flatness", s.flatness());
        out.put("LeastAxisLength", s.leastAxisLength());
        out.put("MajorAxisLength", s.majorAxisLength());
        out.put("Maximum2DDiameterColumn", s.maximum2DDiameterColumn());
        out.put("Maximum2DDiameterRow", s.maximum2DDiameterRow());
        out.put("Maximum2DDiameterSlice", s.maximum2DDiameterSlice());
        out.put("Maximum3DDiameter", s.maximum3DDiameter());
        out.put("MeshVolume", s.meshVolume());
        out.put("MinorAxisLength", s.minorAxisLength());
        out.put("Sphericity", s.sphericity());
        out.put("SurfaceArea", s.surfaceArea());
        out.put("SurfaceVolumeRatio", s.surfaceVolumeRatio());
        out.put("VoxelVolume", s.voxelVolume());
        return out;
    }

    /** IBSI morphology with every tag, on the {@link MeshConvention#CONSISTENT} mesh. */
    public static LinkedHashMap<String, Double> ibsi(RoiImage roi) {
        return ibsi(roi, true);
    }

    /**
     * IBSI morphology ({@code morph_*} tags in the order of the IBSI manual).
     *
     * @param spatialAutocorrelation whether to compute Moran's I and Geary's C (exact, by FFT for
     *                               large ROIs: the most expensive morphology features)
     */
    public static LinkedHashMap<String, Double> ibsi(RoiImage roi, boolean spatialAutocorrelation) {
        ShapeFamily s = of(roi, Profile.IBSI);
        LinkedHashMap<String, Double> out = new LinkedHashMap<>();
        out.put("morph_volume", s.meshVolume());
        out.put("morph_vol_approx", s.voxelVolume());
        out.put("morph_area_mesh", s.surfaceArea());
        out.put("morph_av", s.surfaceVolumeRatio());
        out.put("morph_comp_1", s.compactness1());
        out.put("morph_comp_2", s.compactness2());
        out.put("morph_sph_dispr", s.sphericalDisproportion());
        out.put("morph_sphericity", s.sphericity());
        out.put("morph_asphericity", s.asphericity());
        out.put("morph_com", s.centreOfMassShift());
        out.put("morph_diam", s.maximum3DDiameter());
        out.put("morph_pca_maj_axis", s.majorAxisLength());
        out.put("morph_pca_min_axis", s.minorAxisLength());
        out.put("morph_pca_least_axis", s.leastAxisLength());
        out.put("morph_pca_elongation", s.elongation());
        out.put("morph_pca_flatness", s.flatness());
        out.put("morph_vol_dens_aabb", s.volumeDensityAabb());
        out.put("morph_area_dens_aabb", s.areaDensityAabb());
        out.put("morph_vol_dens_aee", s.volumeDensityAee());
        out.put("morph_area_dens_aee", s.areaDensityAee());
        out.put("morph_vol_dens_conv_hull", s.volumeDensityConvexHull());
        out.put("morph_area_dens_conv_hull", s.areaDensityConvexHull());
        out.put("morph_integ_int", s.integratedIntensity());
        if (spatialAutocorrelation) {
            out.put("morph_moran_i", s.moransI());
            out.put("morph_geary_c", s.gearysC());
        }
        return out;
    }

    public Profile profile() {
        return profile;
    }

    public MeshConvention convention() {
        return convention;
    }

    // ------------------------------------------------------------------ mesh

    /** Mesh volume {@code V = sum_faces a . (b x c) / 6} (PyRadiomics MeshVolume, IBSI morph_volume). */
    public double meshVolume() {
        return mesh.volume();
    }

    /** Mesh surface area {@code A = sum_faces |(b - a) x (c - a)| / 2} (SurfaceArea, morph_area_mesh). */
    public double surfaceArea() {
        return mesh.area();
    }

    /** Voxel-counting volume {@code N_v * s_x s_y s_z} (VoxelVolume, morph_vol_approx). */
    public double voxelVolume() {
        return voxels * roi.geometry().voxelVolume();
    }

    /** Surface to volume ratio {@code A / V} (SurfaceVolumeRatio, morph_av). */
    public double surfaceVolumeRatio() {
        return surfaceArea() / meshVolume();
    }

    /** Sphericity {@code (36 pi V^2)^(1/3) / A}. */
    public double sphericity() {
        return Math.cbrt(36 * Math.PI * meshVolume() * meshVolume()) / surfaceArea();
    }

    /** Compactness 1 {@code V / (sqrt(pi) A^(3/2))}. */
    public double compactness1() {
        return meshVolume() / (Math.sqrt(Math.PI) * Math.pow(surfaceArea(), 1.5));
    }

    /** Compactness 2 {@code 36 pi V^2 / A^3}. */
    public double compactness2() {
        double a = surfaceArea();
        return 36 * Math.PI * meshVolume() * meshVolume() / (a * a * a);
    }

    /** Spherical disproportion {@code A / (36 pi V^2)^(1/3)}. */
    public double sphericalDisproportion() {
        return surfaceArea() / Math.cbrt(36 * Math.PI * meshVolume() * meshVolume());
    }

    /** Asphericity {@code (A^3 / (36 pi V^2))^(1/3) - 1}. */
    public double asphericity() {
        return sphericalDisproportion() - 1;
    }

    // ------------------------------------------------------------- diameters

    /** Largest distance between two mesh vertices (Maximum3DDiameter, morph_diam), over hull vertices. */
    public double maximum3DDiameter() {
        ConvexHull3D h = hull();
        int[] v = h.vertices();
        long[][] pts = hullPoints;
        double sx = 0.5 * spacingZyx[2];
        double sy = 0.5 * spacingZyx[1];
        double sz = 0.5 * spacingZyx[0];
        double best = 0;
        for (int a = 0; a < v.length; a++) {
            long[] p = pts[v[a]];
            for (int b = a + 1; b < v.length; b++) {
                long[] q = pts[v[b]];
                double dx = (p[0] - q[0]) * sx;
                double dy = (p[1] - q[1]) * sy;
                double dz = (p[2] - q[2]) * sz;
                best = Math.max(best, dx * dx + dy * dy + dz * dz);
            }
        }
        return Math.sqrt(best);
    }

    /** Largest vertex distance within an axial plane (equal z): Maximum2DDiameterSlice. */
    public double maximum2DDiameterSlice() {
        return vertices.maxPlaneDiameter(0, spacingZyx);
    }

    /** Largest vertex distance within a coronal plane (equal y): Maximum2DDiameterColumn. */
    public double maximum2DDiameterColumn() {
        return vertices.maxPlaneDiameter(1, spacingZyx);
    }

    /** Largest vertex distance within a sagittal plane (equal x): Maximum2DDiameterRow. */
    public double maximum2DDiameterRow() {
        return vertices.maxPlaneDiameter(2, spacingZyx);
    }

    // ------------------------------------------------------------------ PCA

    /**
     * Eigenvalues (ascending) of the covariance {@code (1/D) sum d^T d} of the centred voxel
     * centres of the morphological mask, D = N (PyRadiomics) or N - 1 (IBSI); values in
     * (-1e-10, 0) are set to 0. A single voxel has all eigenvalues 0.
     */
    private static double[] principalMoments(boolean[] m, Geometry g, int divisor) {
        int nx = g.nx();
        int ny = g.ny();
        int nz = g.nz();
        double sx = g.spacing(0);
        double sy = g.spacing(1);
        double sz = g.spacing(2);
        double cx = 0;
        double cy = 0;
        double cz = 0;
        int count = 0;
        int n = 0;
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++, n++) {
                    if (m[n]) {
                        cx += i * sx;
                        cy += j * sy;
                        cz += k * sz;
                        count++;
                    }
                }
            }
        }
        cx /= count;
        cy /= count;
        cz /= count;
        double xx = 0;
        double xy = 0;
        double xz = 0;
        double yy = 0;
        double yz = 0;
        double zz = 0;
        n = 0;
        for (int k = 0; k < nz; k++) {
            double dz = k * sz - cz;
            for (int j = 0; j < ny; j++) {
                double dy = j * sy - cy;
                for (int i = 0; i < nx; i++, n++) {
                    if (m[n]) {
                        double dx = i * sx - cx;
                        xx += dx * dx;
                        xy += dx * dy;
                        xz += dx * dz;
                        yy += dy * dy;
                        yz += dy * dz;
                        zz += dz * dz;
                    }
                }
            }
        }
        double dv = Math.max(divisor, 1);
        double[] cov = {xx / dv, xy / dv, xz / dv, xy / dv, yy / dv, yz / dv, xz / dv, yz / dv, zz / dv};
        double[] ev = SymmetricEigen3.eigenvalues(cov);
        for (int i = 0; i < 3; i++) {
            if (ev[i] < 0 && ev[i] > -1e-10) {
                ev[i] = 0;
            }
        }
        return ev;
    }

    /** {@code 4 sqrt(lambda_major)} (MajorAxisLength, morph_pca_maj_axis). */
    public double majorAxisLength() {
        return axisLength(eigen[2]);
    }

    /** {@code 4 sqrt(lambda_minor)} (MinorAxisLength, morph_pca_min_axis). */
    public double minorAxisLength() {
        return axisLength(eigen[1]);
    }

    /** {@code 4 sqrt(lambda_least)} (LeastAxisLength, morph_pca_least_axis). */
    public double leastAxisLength() {
        return axisLength(eigen[0]);
    }

    private static double axisLength(double lambda) {
        return lambda < 0 ? Double.NaN : 4 * Math.sqrt(lambda);
    }

    /** Elongation {@code sqrt(lambda_minor / lambda_major)}; NaN if lambda_major is 0. */
    public double elongation() {
        return ratio(eigen[1], eigen[2]);
    }

    /** Flatness {@code sqrt(lambda_least / lambda_major)}; NaN if lambda_major is 0. */
    public double flatness() {
        return ratio(eigen[0], eigen[2]);
    }

    private static double ratio(double num, double den) {
        if (num < 0 || !(den > 0)) {
            return Double.NaN;
        }
        return Math.sqrt(num / den);
    }

    // -------------------------------------------------------------- densities

    /**
     * Volume density of the axis-aligned bounding box of the mesh vertices, {@code V / V_aabb};
     * the vertex box spans the voxel bounding box exactly: {@code V_aabb = prod_d n_d s_d}.
     */
    public double volumeDensityAabb() {
        double[] e = aabbExtent();
        return meshVolume() / (e[0] * e[1] * e[2]);
    }

    /** Area density of the same box, {@code A / (2 (ab + bc + ca))}. */
    public double areaDensityAabb() {
        double[] e = aabbExtent();
        return surfaceArea() / (2 * (e[0] * e[1] + e[1] * e[2] + e[0] * e[2]));
    }

    private double[] aabbExtent() {
        Geometry g = roi.geometry();
        return new double[] {size[0] * g.spacing(0), size[1] * g.spacing(1), size[2] * g.spacing(2)};
    }

    /**
     * Volume density of the approximate enclosing ellipsoid {@code 3 V / (4 pi a b c)} with
     * semi-axes {@code a = 2 sqrt(lambda_major)}, {@code b = 2 sqrt(lambda_minor)},
     * {@code c = 2 sqrt(lambda_least)}; NaN if c is 0.
     */
    public double volumeDensityAee() {
        double[] s = semiAxes();
        if (!(s[2] > 0)) {
            return Double.NaN;
        }
        return 3 * meshVolume() / (4 * Math.PI * s[0] * s[1] * s[2]);
    }

    /**
     * Area density of the approximate enclosing ellipsoid {@code A / A_aee} with the IBSI series
     * {@code A_aee = 4 pi a b sum_{nu=0}^{20} (alpha beta)^nu / (1 - 4 nu^2) P_nu((alpha^2 + beta^2) / (2 alpha beta))},
     * {@code alpha = sqrt(1 - b^2/a^2)}, {@code beta = sqrt(1 - c^2/a^2)}, P_nu the Legendre
     * polynomials. The terms {@code Q_nu = (alpha beta)^nu P_nu(.)} are evaluated by the Legendre
     * recurrence {@code (nu+1) Q_{nu+1} = (2 nu + 1) s Q_nu - nu p Q_{nu-1}},
     * {@code s = (alpha^2 + beta^2) / 2}, {@code p = (alpha beta)^2}, which stays finite for a
     * spheroid ({@code alpha beta = 0}). NaN if c is 0.
     */
    public double areaDensityAee() {
        double[] s = semiAxes();
        if (!(s[2] > 0)) {
            return Double.NaN;
        }
        double a = s[0];
        double b = s[1];
        double c = s[2];
        double alpha2 = 1 - b * b / (a * a);
        double beta2 = 1 - c * c / (a * a);
        double half = 0.5 * (alpha2 + beta2);
        double prod = alpha2 * beta2;
        double qPrev = 1;
        double q = half;
        double sum = qPrev / 1.0 + q / (1 - 4.0);
        for (int nu = 1; nu < 20; nu++) {
            double next = ((2 * nu + 1) * half * q - nu * prod * qPrev) / (nu + 1);
            qPrev = q;
            q = next;
            int k = nu + 1;
            sum += q / (1 - 4.0 * k * k);
        }
        double aee = 4 * Math.PI * a * b * sum;
        return surfaceArea() / aee;
    }

    private double[] semiAxes() {
        return new double[] {2 * Math.sqrt(Math.max(eigen[2], 0)), 2 * Math.sqrt(Math.max(eigen[1], 0)),
            2 * Math.sqrt(Math.max(eigen[0], 0))};
    }

    /** Solidity {@code V / V_convex}, the convex hull of the mesh vertices. */
    public double volumeDensityConvexHull() {
        return meshVolume() / hull().volume(hullScale());
    }

    /** {@code A / A_convex}, the surface area of the convex hull of the mesh vertices. */
    public double areaDensityConvexHull() {
        return surfaceArea() / hull().area(hullScale());
    }

    private long[][] hullPoints;

    private ConvexHull3D hull() {
        if (hull == null) {
            hullPoints = vertices.hullCandidates();
            hull = ConvexHull3D.of(hullPoints);
        }
        return hull;
    }

    /** Hull points are doubled (x, y, z) voxel coordinates. */
    private double[] hullScale() {
        return new double[] {0.5 * spacingZyx[2], 0.5 * spacingZyx[1], 0.5 * spacingZyx[0]};
    }

    // ---------------------------------------------------- intensity-based

    /**
     * Centre of mass shift {@code ||CoM_geom - CoM_gl||}: the mean of the morphological voxel
     * centres against the intensity-weighted mean {@code sum X_k c_k / sum X_k} of the
     * intensity-mask voxel centres; NaN if the intensities sum to 0.
     */
    public double centreOfMassShift() {
        Geometry g = roi.geometry();
        boolean[] morph = roi.morphologicalMask();
        boolean[] in = roi.intensityMask();
        double[] d = roi.image().data();
        double[] geo = new double[3];
        double[] gl = new double[3];
        double wsum = 0;
        int count = 0;
        int n = 0;
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++, n++) {
                    if (morph[n]) {
                        geo[0] += i;
                        geo[1] += j;
                        geo[2] += k;
                        count++;
                    }
                    if (in[n]) {
                        gl[0] += d[n] * i;
                        gl[1] += d[n] * j;
                        gl[2] += d[n] * k;
                        wsum += d[n];
                    }
                }
            }
        }
        if (wsum == 0 || count == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (int a = 0; a < 3; a++) {
            double diff = (geo[a] / count - gl[a] / wsum) * g.spacing(a);
            s += diff * diff;
        }
        return Math.sqrt(s);
    }

    /** Integrated intensity {@code V * mean(X_gl)} over the intensity mask. */
    public double integratedIntensity() {
        double[] v = roi.intensityValues();
        if (v.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return meshVolume() * s / v.length;
    }

    /** Moran's I of the intensity mask, see {@link SpatialAutocorrelation}. */
    public double moransI() {
        return autocorrelation()[0];
    }

    /** Geary's C of the intensity mask, see {@link SpatialAutocorrelation}. */
    public double gearysC() {
        return autocorrelation()[1];
    }

    private double[] autocorrelation() {
        if (autocorrelation == null) {
            Geometry g = roi.geometry();
            boolean[] in = roi.intensityMask();
            double[] d = roi.image().data();
            int count = roi.intensityVoxelCount();
            double[] values = new double[count];
            int[] ix = new int[count];
            int[] iy = new int[count];
            int[] iz = new int[count];
            int m = 0;
            int n = 0;
            for (int k = 0; k < g.nz(); k++) {
                for (int j = 0; j < g.ny(); j++) {
                    for (int i = 0; i < g.nx(); i++, n++) {
                        if (in[n]) {
                            values[m] = d[n];
                            ix[m] = i;
                            iy[m] = j;
                            iz[m++] = k;
                        }
                    }
                }
            }
            autocorrelation = SpatialAutocorrelation.compute(values, ix, iy, iz, g.spacing());
        }
        return autocorrelation;
    }
}
