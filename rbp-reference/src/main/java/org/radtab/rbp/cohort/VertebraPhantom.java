package org.radtab.rbp.cohort;

import java.util.SplittableRandom;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Mask;
import org.radtab.radiomics.image.Volume;

/**
 * Renders a patient's vertebral CT (int16 HU values on a 0.7 x 0.7 x 3 mm grid of
 * 93 x 79 x 16 voxels) with two readers' segmentations of the vertebral body.
 *
 * <p>Model, in LPS millimetres centred on the body (x left, y posterior, z superior):
 * <ul>
 *   <li>vertebral body: elliptic cylinder with semi-axes a = 22.5 s (x) and b = 17.5 s (y),
 *       a concave posterior wall (the spinal canal, radius 6 mm), inferior endplate at
 *       z0 = -14 s and superior endplate at z0 + h(y): posterior height 28 s, anterior height
 *       28 s (1 - heightLoss) — a wedge compression;</li>
 *   <li>cortical shell 0.9 mm (endplates 1.2 mm) of 500 + 40 (T + 3) HU;</li>
 *   <li>trabecular bone: 165 + 38 T HU, times (1 + 0.6 heterogeneity g) with g a
 *       low-frequency field (wavelength ~25 mm), plus 80 HU tanh(1.5 f) with f a random field
 *       of 10 plane waves, mostly in-plane wave vectors (vertical trabeculae), wavelength
 *       1.4 + 2.6 coarseness mm;</li>
 *   <li>an impacted (sclerotic) band within 5 mm under the superior endplate, + sclerosis HU;</li>
 *   <li>with IVC a gas cleft (-850 HU), ellipsoid with semi-axes (1.6 c, c, 0.8 c) mm, anterior
 *       and superior in the body;</li>
 *   <li>surroundings: discs (80 HU), neighbouring vertebrae (110 HU), spinal canal (15 HU) with
 *       its bony arch (350 HU), soft tissue (45 HU) and fat (-90 HU);</li>
 *   <li>partial volume by 2 x 2 x 3 sub-samples per voxel for the geometry, Gaussian noise
 *       (sd 20 HU), rounding to integer HU.</li>
 * </ul>
 * Reader 1's mask is the body evaluated at voxel centres. Reader 2 delineates a slightly
 * different boundary: the ellipse semi-axes perturbed by a smooth angular function of up to
 * about +-0.45 mm and the endplates shifted by up to +-0.6 mm.
 */
public final class VertebraPhantom {
    public static final int NX = 93;
    public static final int NY = 79;
    public static final int NZ = 16;
    /** 0.7 mm as stored in a NIfTI / NRRD header (float32), so that a written case reads back bit-identically. */
    public static final double SX = (float) 0.7;
    public static final double SY = (float) 0.7;
    public static final double SZ = 3.0;

    private static final int WAVES = 10;

    /** The rendered case. */
    public record Rendered(Volume ct, Mask reader1, Mask reader2) {
    }

    private VertebraPhantom() {
    }

    /** The fixed image grid, centred on the origin of patient coordinates. */
    public static Geometry grid() {
        double[] origin = {(float) (-(NX - 1) / 2.0 * SX), (float) (-(NY - 1) / 2.0 * SY), (float) (-(NZ - 1) / 2.0 * SZ)};
        return Geometry.of(new int[] {NX, NY, NZ}, new double[] {SX, SY, SZ}, origin);
    }

    /** Shape of the body for one reader. */
    private static final class Body {
        final double a;
        final double b;
        final double z0;
        final double hp;
        final double ha;
        // reader-2 perturbation: delta(theta) = p1 sin(3 theta + f1) + p2 cos(2 theta + f2), endplate shifts
        final double p1;
        final double f1;
        final double p2;
        final double f2;
        final double dzLow;
        final double dzHigh;

        Body(Patient p, SplittableRandom r, boolean perturbed) {
            double s = p.image().sizeScale();
            a = 22.5 * s;
            b = 17.5 * s;
            hp = 28 * s;
            ha = hp * (1 - p.heightLoss());
            z0 = -14 * s;
            if (perturbed) {
                p1 = 0.2 + 0.25 * r.nextDouble();
                f1 = 2 * Math.PI * r.nextDouble();
                p2 = 0.1 + 0.2 * r.nextDouble();
                f2 = 2 * Math.PI * r.nextDouble();
                dzLow = 0.6 * (2 * r.nextDouble() - 1);
                dzHigh = 0.6 * (2 * r.nextDouble() - 1);
            } else {
                p1 = 0;
                f1 = 0;
                p2 = 0;
                f2 = 0;
                dzLow = 0;
                dzHigh = 0;
            }
        }

        double top(double y) {
            double t = Math.max(0, Math.min(1, (b - y) / (2 * b))); // 0 posterior .. 1 anterior
            return z0 + hp + (ha - hp) * t;
        }

        /** Signed in-plane "radius": < 1 inside the ellipse (with the perturbation in mm). */
        boolean insidePlane(double x, double y) {
            double aa = a;
            double bb = b;
            if (p1 != 0 || p2 != 0) {
                double th = Math.atan2(y / b, x / a);
                double d = p1 * Math.sin(3 * th + f1) + p2 * Math.cos(2 * th + f2);
                aa += d;
                bb += d;
            }
            double e = (x / aa) * (x / aa) + (y / bb) * (y / bb);
            if (e >= 1) {
                return false;
            }
            double cy = y - (b + 3);
            return x * x + cy * cy > 36; // posterior concavity (canal), radius 6 mm
        }

        boolean inside(double x, double y, double z) {
            return insidePlane(x, y) && z > z0 + dzLow && z < top(y) + dzHigh;
        }
    }

    /** Renders the CT and both masks of a patient. Deterministic for the patient's image seed. */
    public static Rendered render(Patient p) {
        Patient.ImageParameters ip = p.image();
        SplittableRandom r = new SplittableRandom(ip.seed());
        Body body = new Body(p, r, false);
        Body body2 = new Body(p, r, true);
        Geometry g = grid();
        double[] origin = g.origin();

        // texture waves
        double lambda = 1.4 + 2.6 * ip.coarseness();
        double[][] k = new double[WAVES][3];
        double[] phase = new double[WAVES];
        for (int w = 0; w < WAVES; w++) {
            double theta = 2 * Math.PI * r.nextDouble();
            double tilt = (r.nextDouble() - 0.5) * 0.5; // mostly in-plane wave vectors
            double kk = 2 * Math.PI / (lambda * (0.8 + 0.4 * r.nextDouble()));
            k[w][0] = kk * Math.cos(theta) * Math.cos(tilt);
            k[w][1] = kk * Math.sin(theta) * Math.cos(tilt);
            k[w][2] = kk * Math.sin(tilt) * 0.6;
            phase[w] = 2 * Math.PI * r.nextDouble();
        }
        double qTheta = 2 * Math.PI * r.nextDouble();
        double qk = 2 * Math.PI / 25.0;
        double[] q = {qk * Math.cos(qTheta), qk * Math.sin(qTheta), qk * 0.3};
        double qPhase = 2 * Math.PI * r.nextDouble();

        double t = p.tScore();
        double trabBase = 165 + 38 * t;
        double cortical = 500 + 40 * (t + 3);
        double c = ip.cleftSize();
        double cleftX = 0;
        double cleftY = -0.35 * body.b;

        double[] ct = new double[g.voxelCount()];
        int[] m1 = new int[ct.length];
        int[] m2 = new int[ct.length];
        double[] sub = new double[12];
        int n = 0;
        for (int kz = 0; kz < NZ; kz++) {
            double zc = origin[2] + kz * SZ;
            for (int jy = 0; jy < NY; jy++) {
                double yc = origin[1] + jy * SY;
                for (int ix = 0; ix < NX; ix++, n++) {
                    double xc = origin[0] + ix * SX;
                    // texture at the voxel centre
                    double f = 0;
                    for (int w = 0; w < WAVES; w++) {
                        f += Math.cos(k[w][0] * xc + k[w][1] * yc + k[w][2] * zc + phase[w]);
                    }
                    f /= Math.sqrt(WAVES / 2.0);
                    double gLow = Math.cos(q[0] * xc + q[1] * yc + q[2] * zc + qPhase);
                    double trab = trabBase * (1 + 0.6 * ip.heterogeneity() * gLow) + 80 * Math.tanh(1.5 * f);
                    // geometry sub-samples: 2 x 2 in-plane, 3 through-plane
                    int s = 0;
                    for (int dz = 0; dz < 3; dz++) {
                        double z = zc + (dz - 1) * SZ / 3;
                        for (int dy = 0; dy < 2; dy++) {
                            double y = yc + (dy - 0.5) * SY / 2;
                            for (int dx = 0; dx < 2; dx++) {
                                double x = xc + (dx - 0.5) * SX / 2;
                                sub[s++] = material(body, x, y, z, trab, cortical, ip, c, cleftX, cleftY);
                            }
                        }
                    }
                    double v = 0;
                    for (double sv : sub) {
                        v += sv;
                    }
                    ct[n] = v / sub.length;
                    m1[n] = body.inside(xc, yc, zc) ? 1 : 0;
                    m2[n] = body2.inside(xc, yc, zc) ? 1 : 0;
                }
            }
        }
        for (int i = 0; i < ct.length; i++) {
            double v = Math.rint(ct[i] + 20 * CohortGenerator.gauss(r));
            ct[i] = Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
        }
        return new Rendered(Volume.wrap(g, ct), Mask.wrap(g, m1), Mask.wrap(g, m2));
    }

    private static double material(Body body, double x, double y, double z, double trab, double cortical,
                                   Patient.ImageParameters ip, double c, double cleftX, double cleftY) {
        double top = body.top(y);
        if (body.insidePlane(x, y) && z > body.z0 && z < top) {
            // cleft (gas)
            if (c > 0) {
                double cz = body.z0 + 0.62 * (top - body.z0);
                double ex = (x - cleftX) / (1.6 * c);
                double ey = (y - cleftY) / c;
                double ez = (z - cz) / (0.8 * c);
                if (ex * ex + ey * ey + ez * ez < 1) {
                    return -850;
                }
            }
            // cortical shell: close to the in-plane border or to an endplate
            if (z < body.z0 + 1.2 || z > top - 1.2 || !insideShrunk(body, x, y, 0.9)) {
                return cortical;
            }
            double v = trab;
            if (z > top - 5) {
                v += ip.sclerosis();
            }
            return v;
        }
        // outside the body
        double cy = y - (body.b + 9);
        double rc = Math.sqrt(x * x + cy * cy);
        if (rc < 7) {
            return 15; // canal
        }
        if (rc < 11) {
            return 350; // bony arch
        }
        double e = (x / (body.a + 10)) * (x / (body.a + 10)) + (y / (body.b + 8)) * (y / (body.b + 8));
        if (e < 1.3) {
            if (z <= body.z0 || z >= top) {
                double gap = z <= body.z0 ? body.z0 - z : z - top;
                if (e < 1 && gap > 8) {
                    return 110; // neighbouring vertebra
                }
                if (e < 1) {
                    return 80; // disc
                }
            }
            return 45; // soft tissue
        }
        return -90; // fat
    }

    private static boolean insideShrunk(Body body, double x, double y, double d) {
        double aa = body.a - d;
        double bb = body.b - d;
        double e = (x / aa) * (x / aa) + (y / bb) * (y / bb);
        if (e >= 1) {
            return false;
        }
        double cy = y - (body.b + 3);
        return x * x + cy * cy > (6 + d) * (6 + d);
    }
}
