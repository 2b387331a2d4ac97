package org.radtab.radiomics.filter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The right-angle rotations used for rotation-invariant filtering (IBSI 2, section 9).
 *
 * <p>3D: the 24 proper rotations of a cube, i.e. the 3 x 3 signed permutation matrices with
 * determinant +1 (6 axis permutations x 8 sign patterns, keeping those with det = +1). 2D: the
 * 4 rotations by 0, 90, 180 and 270 degrees in the x-y plane.
 *
 * <p>For a separable kernel {@code K(x) = k_0(x_0) k_1(x_1) k_2(x_2)} (1D kernels named in x, y,
 * z order) a rotation is an assignment of the 1D kernels to the image axes plus a reversal of
 * some of them: along image axis {@code a} the kernel {@code k_(axis(a))} acts, mirrored when
 * {@code reversed(a)}. This equals rotating the image, filtering with {@code K} and rotating the
 * response back; because the set is a group (closed under inversion) the pooled result does not
 * depend on whether a matrix or its transpose is used.
 */
public final class RightAngleRotations {

    /** One orientation: {@code axis[a]} = which named 1D kernel acts along image axis {@code a}. */
    public record Orientation(int[] axis, boolean[] reversed) {
        public Orientation {
            axis = axis.clone();
            reversed = reversed.clone();
        }

        @Override
        public int[] axis() { return axis.clone(); }

        @Override
        public boolean[] reversed() { return reversed.clone(); }

        public int axis(int a) { return axis[a]; }

        public boolean reversed(int a) { return reversed[a]; }
    }

    private static final List<Orientation> THREE_D = build3d();
    private static final List<Orientation> TWO_D = build2d();

    private RightAngleRotations() {
    }

    /** The 24 (3D) or 4 (2D) orientations; the identity comes first. */
    public static List<Orientation> of(FilterDimension dimension) {
        return dimension == FilterDimension.THREE_D ? THREE_D : TWO_D;
    }

    /** The orientations used with a pooling mode: only the identity for {@link Pooling#NONE}. */
    public static List<Orientation> forPooling(FilterDimension dimension, Pooling pooling) {
        List<Orientation> all = of(dimension);
        return pooling == Pooling.NONE ? all.subList(0, 1) : all;
    }

    private static List<Orientation> build3d() {
        int[][] perms = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        int[] parity = {1, -1, -1, 1, 1, -1};
        List<Orientation> out = new ArrayList<>();
        for (int p = 0; p < perms.length; p++) {
            for (int s = 0; s < 8; s++) {
                boolean[] rev = {(s & 1) != 0, (s & 2) != 0, (s & 4) != 0};
                int sign = parity[p];
                for (boolean r : rev) {
                    if (r) {
                        sign = -sign;
                    }
                }
                if (sign == 1) {
                    out.add(new Orientation(perms[p].clone(), rev));
                }
            }
        }
        return Collections.unmodifiableList(out);
    }

    private static List<Orientation> build2d() {
        List<Orientation> out = new ArrayList<>();
        out.add(new Orientation(new int[] {0, 1, 2}, new boolean[] {false, false, false}));
        out.add(new Orientation(new int[] {1, 0, 2}, new boolean[] {false, true, false}));
        out.add(new Orientation(new int[] {0, 1, 2}, new boolean[] {true, true, false}));
        out.add(new Orientation(new int[] {1, 0, 2}, new boolean[] {true, false, false}));
        return Collections.unmodifiableList(out);
    }
}
