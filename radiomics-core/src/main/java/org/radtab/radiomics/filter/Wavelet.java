package org.radtab.radiomics.filter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An orthogonal wavelet filter bank: the decomposition low-pass {@code L} ({@code dec_lo} in
 * PyWavelets, also MATLAB's {@code wfilters} decomposition filter) and high-pass {@code H}, listed
 * in index order {@code k = 0..N-1}, with
 *
 * <pre>  H[k] = (-1)^(k+1) L[N-1-k]</pre>
 *
 * No normalisation beyond the coefficients themselves: {@code sum L = sqrt 2}, {@code sum L^2 = 1}.
 *
 * <p>Available names: {@code haar}, {@code db1} .. {@code db10}, {@code sym2} .. {@code sym10},
 * {@code coif1} .. {@code coif5}.
 *
 * <ul>
 *   <li><b>Daubechies</b> {@code dbN} (N vanishing moments, length 2N) are derived at class-load
 *       time by spectral factorisation of the maximally flat polynomial
 *       {@code P(y) = sum_(k<N) C(N-1+k, k) y^k}, {@code y = sin^2(w/2)}: every root {@code y_i} of
 *       {@code P} gives the pair {@code z, 1/z} of roots of {@code z^2 - (2 - 4 y_i) z + 1}; the
 *       root with {@code |z| < 1} is kept, and
 *       {@code L(w) = c (1 + w)^N prod_i (w - z_i)} (coefficients of ascending powers of
 *       {@code w}, scaled so that they sum to {@code sqrt 2}) is exactly PyWavelets' {@code dec_lo}
 *       (the reverse of Daubechies' minimum-phase {@code h}). Roots are found in double precision
 *       (Durand-Kerner, then Newton polishing); the result is orthonormal to ~1e-15. The
 *       published 17-digit tables (PyWavelets, MATLAB, the IBSI sheet) differ from it by up to
 *       ~4e-12 and are the less exact ones (db3 checked with 40-digit arithmetic; the db10 table
 *       is orthonormal to ~3e-12 only). {@code haar = db1 = (1, 1) / sqrt 2}.</li>
 *   <li><b>Symlets</b> {@code symN} are one of the {@code 2^(N/2)} root selections of the same
 *       factorisation (the "least asymmetric" one); the selection rule of the published tables
 *       (MATLAB / PyWavelets) is not reproduced by a plain phase-linearity criterion for N = 7 and
 *       10, so their {@code dec_lo} coefficients are transcribed from the published tables
 *       (numbers are facts). {@code sym2 = db2}, {@code sym3 = db3}.</li>
 *   <li><b>Coiflets</b> {@code coifN} (length 6N) are transcribed from the published tables
 *       (the coif4 and coif5 tables are orthonormal to ~2e-9 only; RadTab keeps them as published
 *       so that results match PyWavelets).</li>
 * </ul>
 * The tests check every bank for orthonormality, double-shift orthogonality and vanishing
 * moments of the high-pass, and the derived Daubechies banks against published values.
 */
public final class Wavelet {
    private final String name;
    private final double[] lowPass;
    private final double[] highPass;
    private final int vanishingMoments;

    private Wavelet(String name, double[] lowPass, int vanishingMoments) {
        this.name = name;
        this.lowPass = lowPass;
        this.vanishingMoments = vanishingMoments;
        int n = lowPass.length;
        this.highPass = new double[n];
        for (int k = 0; k < n; k++) {
            highPass[k] = ((k % 2 == 0) ? -1 : 1) * lowPass[n - 1 - k];
        }
    }

    /** Lower-case name as in PyWavelets ({@code coif1}, {@code db2}, {@code haar}, ...). */
    public String name() { return name; }

    /** Filter length N. */
    public int length() { return lowPass.length; }

    /** Decomposition low-pass {@code L[0..N-1]} (PyWavelets {@code dec_lo}); a copy. */
    public double[] lowPass() { return lowPass.clone(); }

    /** Decomposition high-pass {@code H[k] = (-1)^(k+1) L[N-1-k]} (PyWavelets {@code dec_hi}); a copy. */
    public double[] highPass() { return highPass.clone(); }

    /** Number of vanishing moments of the high-pass (N for dbN and symN, 2N for coifN). */
    public int vanishingMoments() { return vanishingMoments; }

    double[] filter(char letter) {
        switch (letter) {
            case 'L': return lowPass;
            case 'H': return highPass;
            default: throw new IllegalArgumentException("band letter must be L or H, was '" + letter + "'");
        }
    }

    /**
     * The wavelet with the given PyWavelets name (case-insensitive).
     *
     * @throws IllegalArgumentException naming the unknown wavelet and listing the available ones
     */
    public static Wavelet of(String name) {
        Wavelet w = REGISTRY.get(name.trim().toLowerCase(Locale.ROOT));
        if (w == null) {
            throw new IllegalArgumentException("unknown wavelet '" + name + "'; available: " + names());
        }
        return w;
    }

    /** All available names, in the order haar, db1..db10, sym2..sym10, coif1..coif5. */
    public static List<String> names() {
        return Collections.unmodifiableList(new ArrayList<>(REGISTRY.keySet()));
    }

    @Override
    public String toString() {
        return "Wavelet[" + name + ", L=" + Arrays.toString(lowPass) + "]";
    }

    // ------------------------------------------------------------------------------------------
    // Daubechies by spectral factorisation

    /**
     * Daubechies low-pass with {@code n} vanishing moments, PyWavelets order ({@code dec_lo}).
     * Package-private for tests.
     */
    static double[] daubechiesLowPass(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("Daubechies order must be >= 1, was " + n);
        }
        // P(y) = sum_{k<n} C(n-1+k, k) y^k, ascending coefficients
        double[] p = new double[n];
        for (int k = 0; k < n; k++) {
            p[k] = binomial(n - 1 + k, k);
        }
        double[][] yRoots = polynomialRoots(p); // {re[], im[]}
        // h(w) = (1 + w)^n * prod (w - z_i), complex coefficients, ascending powers of w
        int deg = 2 * n - 1;
        double[] re = new double[deg + 1];
        double[] im = new double[deg + 1];
        re[0] = 1;
        int cur = 0;
        for (int m = 0; m < n; m++) {
            cur = multiplyLinear(re, im, cur, 1, 0); // (w + 1)
        }
        for (int i = 0; i < yRoots[0].length; i++) {
            double yr = yRoots[0][i];
            double yi = yRoots[1][i];
            // z^2 - b z + 1 = 0 with b = 2 - 4y: z = (b -+ sqrt(b^2 - 4)) / 2
            double br = 2 - 4 * yr;
            double bi = -4 * yi;
            double dr = br * br - bi * bi - 4;
            double di = 2 * br * bi;
            double[] s = complexSqrt(dr, di);
            // the root outside the unit circle is computed without cancellation; the inside one is
            // its reciprocal (the two roots multiply to 1)
            double z1r = (br - s[0]) / 2;
            double z1i = (bi - s[1]) / 2;
            double z2r = (br + s[0]) / 2;
            double z2i = (bi + s[1]) / 2;
            boolean firstOutside = Math.hypot(z1r, z1i) > Math.hypot(z2r, z2i);
            double or = firstOutside ? z1r : z2r;
            double oi = firstOutside ? z1i : z2i;
            double den = or * or + oi * oi;
            double zr = or / den;
            double zi = -oi / den;
            cur = multiplyLinear(re, im, cur, -zr, -zi); // (w - z)
        }
        double sum = 0;
        for (int k = 0; k <= deg; k++) {
            sum += re[k];
        }
        double scale = Math.sqrt(2) / sum;
        double[] h = new double[deg + 1];
        for (int k = 0; k <= deg; k++) {
            h[k] = re[k] * scale;
        }
        return h;
    }

    /** Multiplies the polynomial (degree {@code deg}) in place by {@code (w + c)}; returns the new degree. */
    private static int multiplyLinear(double[] re, double[] im, int deg, double cr, double ci) {
        re[deg + 1] = re[deg];
        im[deg + 1] = im[deg];
        for (int k = deg; k >= 1; k--) {
            double ar = re[k - 1];
            double ai = im[k - 1];
            double tr = re[k] * cr - im[k] * ci + ar;
            double ti = re[k] * ci + im[k] * cr + ai;
            re[k] = tr;
            im[k] = ti;
        }
        double tr = re[0] * cr - im[0] * ci;
        double ti = re[0] * ci + im[0] * cr;
        re[0] = tr;
        im[0] = ti;
        return deg + 1;
    }

    private static double[] complexSqrt(double re, double im) {
        double r = Math.hypot(re, im);
        double a = Math.sqrt((r + re) / 2);
        double b = Math.sqrt((r - re) / 2);
        return new double[] {a, im < 0 ? -b : b};
    }

    private static double binomial(int n, int k) {
        double c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return Math.rint(c);
    }

    /**
     * All complex roots of the real polynomial {@code sum_k c[k] y^k} (Durand-Kerner iteration,
     * then Newton polishing on the original polynomial), as {@code {re[], im[]}}.
     */
    static double[][] polynomialRoots(double[] c) {
        int deg = c.length - 1;
        double[] re = new double[Math.max(deg, 0)];
        double[] im = new double[Math.max(deg, 0)];
        if (deg < 1) {
            return new double[][] {re, im};
        }
        double lead = c[deg];
        double[] a = new double[deg + 1];
        for (int k = 0; k <= deg; k++) {
            a[k] = c[k] / lead; // monic
        }
        // Cauchy bound for the starting circle
        double bound = 0;
        for (int k = 0; k < deg; k++) {
            bound = Math.max(bound, Math.abs(a[k]));
        }
        bound = 1 + bound;
        for (int i = 0; i < deg; i++) {
            double ang = 2 * Math.PI * i / deg + 0.4;
            re[i] = bound * 0.5 * Math.cos(ang);
            im[i] = bound * 0.5 * Math.sin(ang);
        }
        for (int iter = 0; iter < 2000; iter++) {
            double maxStep = 0;
            for (int i = 0; i < deg; i++) {
                double[] pv = evaluate(a, re[i], im[i]);
                double dr = 1;
                double di = 0;
                for (int j = 0; j < deg; j++) {
                    if (j == i) {
                        continue;
                    }
                    double er = re[i] - re[j];
                    double ei = im[i] - im[j];
                    double tr = dr * er - di * ei;
                    di = dr * ei + di * er;
                    dr = tr;
                }
                double den = dr * dr + di * di;
                double sr = (pv[0] * dr + pv[1] * di) / den;
                double si = (pv[1] * dr - pv[0] * di) / den;
                re[i] -= sr;
                im[i] -= si;
                maxStep = Math.max(maxStep, Math.hypot(sr, si));
            }
            if (maxStep < 1e-15 * bound) {
                break;
            }
        }
        // Newton polishing
        for (int i = 0; i < deg; i++) {
            for (int it = 0; it < 5; it++) {
                double[] pv = evaluate(a, re[i], im[i]);
                double[] dv = evaluateDerivative(a, re[i], im[i]);
                double den = dv[0] * dv[0] + dv[1] * dv[1];
                if (den == 0) {
                    break;
                }
                re[i] -= (pv[0] * dv[0] + pv[1] * dv[1]) / den;
                im[i] -= (pv[1] * dv[0] - pv[0] * dv[1]) / den;
            }
        }
        return new double[][] {re, im};
    }

    private static double[] evaluate(double[] a, double xr, double xi) {
        double pr = 0;
        double pi = 0;
        for (int k = a.length - 1; k >= 0; k--) {
            double tr = pr * xr - pi * xi + a[k];
            pi = pr * xi + pi * xr;
            pr = tr;
        }
        return new double[] {pr, pi};
    }

    private static double[] evaluateDerivative(double[] a, double xr, double xi) {
        double pr = 0;
        double pi = 0;
        for (int k = a.length - 1; k >= 1; k--) {
            double tr = pr * xr - pi * xi + k * a[k];
            pi = pr * xi + pi * xr;
            pr = tr;
        }
        return new double[] {pr, pi};
    }

    // ------------------------------------------------------------------------------------------
    // Published tables (decomposition low-pass, PyWavelets / MATLAB order)

    private static final double[][] SYMLETS = {
        null, null, null, null, // sym0..sym3 (sym2, sym3 = db2, db3)
        {-0.075765714789273325, -0.02963552764599851, 0.49761866763201545, 0.80373875180591614,
            0.29785779560527736, -0.099219543576847216, -0.012603967262037833, 0.032223100604042702},
        {0.027333068345077982, 0.029519490925774643, -0.039134249302383094, 0.1993975339773936,
            0.72340769040242059, 0.63397896345821192, 0.016602105764522319, -0.17532808990845047,
            -0.021101834024758855, 0.019538882735286728},
        {0.015404109327027373, 0.0034907120842174702, -0.11799011114819057, -0.048311742585632998,
            0.49105594192674662, 0.787641141030194, 0.3379294217276218, -0.072637522786462516,
            -0.021060292512300564, 0.044724901770665779, 0.0017677118642428036, -0.007800708325034148},
        {0.0026818145682578781, -0.0010473848886829163, -0.01263630340325193, 0.03051551316596357,
            0.067892693501372697, -0.049552834937127255, 0.017441255086855827, 0.5361019170917628,
            0.76776431700316405, 0.28862963175151463, -0.14004724044296152, -0.10780823770381774,
            0.0040102448715336634, 0.010268176708511255},
        {-0.0033824159510061256, -0.00054213233179114812, 0.031695087811492981, 0.0076074873249176054,
            -0.14329423835080971, -0.061273359067658524, 0.48135965125837221, 0.77718575170052351,
            0.3644418948353314, -0.051945838107709037, -0.027219029917056003, 0.049137179673607506,
            0.0038087520138906151, -0.014952258337048231, -0.0003029205147213668, 0.0018899503327594609},
        {0.0014009155259146807, 0.00061978088898558676, -0.013271967781817119, -0.01152821020767923,
            0.03022487885827568, 0.00058346274612580684, -0.054568958430834071, 0.238760914607303,
            0.717897082764412, 0.61733844914093583, 0.035272488035271894, -0.19155083129728512,
            -0.018233770779395985, 0.06207778930288603, 0.0088592674934004842, -0.010264064027633142,
            -0.00047315449868008311, 0.0010694900329086053},
        {0.00077015980911449011, 9.5632670722894754e-005, -0.0086412992770224222, -0.0014653825813050513,
            0.045927239231092203, 0.011609893903711381, -0.15949427888491757, -0.070880535783243853,
            0.47169066693843925, 0.7695100370211071, 0.38382676106708546, -0.035536740473817552,
            -0.0319900568824278, 0.049994972077376687, 0.0057649120335819086, -0.02035493981231129,
            -0.00080435893201654491, 0.0045931735853118284, 5.7036083618494284e-005, -0.00045932942100465878},
    };

    private static final double[][] COIFLETS = {
        null,
        {-0.01565572813546454, -0.072732619512853897, 0.38486484686420286, 0.85257202021225542,
            0.33789766245780922, -0.072732619512853897},
        {-0.00072054944536451221, -0.0018232088707029932, 0.0056114348193944995, 0.023680171946334084,
            -0.059434418646456898, -0.076488599078306393, 0.41700518442169254, 0.81272363544554227,
            0.38611006682116222, -0.067372554721963018, -0.041464936781759151, 0.016387336463522112},
        {-3.4599772836212559e-005, -7.0983303138141252e-005, 0.00046621696011288631, 0.0011175187708906016,
            -0.0025745176887502236, -0.0090079761366615805, 0.015880544863615904, 0.034555027573061628,
            -0.082301927106885983, -0.071799821619312018, 0.42848347637761874, 0.79377722262562056,
            0.4051769024096169, -0.061123390002672869, -0.0657719112818555, 0.023452696141836267,
            0.0077825964273254182, -0.0037935128644910141},
        {-1.7849850030882614e-006, -3.2596802368833675e-006, 3.1229875865345646e-005, 6.2339034461007128e-005,
            -0.00025997455248771324, -0.00058902075624433831, 0.0012665619292989445, 0.0037514361572784571,
            -0.0056582866866107199, -0.015211731527946259, 0.025082261844864097, 0.039334427123337491,
            -0.096220442033987982, -0.066627474263425038, 0.4343860564914685, 0.78223893092049901,
            0.41530840703043026, -0.056077313316754807, -0.081266699680878754, 0.026682300156053072,
            0.016068943964776348, -0.0073461663276420935, -0.0016294920126017326, 0.00089231366858231456},
        {-9.517657273819165e-008, -1.6744288576823017e-007, 2.0637618513646814e-006, 3.7346551751414047e-006,
            -2.1315026809955787e-005, -4.1340432272512511e-005, 0.00014054114970203437, 0.00030225958181306315,
            -0.00063813134304511142, -0.0016628637020130838, 0.0024333732126576722, 0.0067641854480530832,
            -0.0091642311624818458, -0.019761778942572639, 0.032683574267111833, 0.041289208750181702,
            -0.10557420870333893, -0.062035963962903569, 0.43799162617183712, 0.77428960365295618,
            0.42156620669085149, -0.052043163176243773, -0.091920010559696244, 0.02816802897093635,
            0.023408156785839195, -0.010131117519849788, -0.004159358781386048, 0.0021782363581090178,
            0.00035858968789573785, -0.00021208083980379827},
    };

    private static final Map<String, Wavelet> REGISTRY = new LinkedHashMap<>();

    static {
        double[][] db = new double[11][];
        for (int n = 1; n <= 10; n++) {
            db[n] = daubechiesLowPass(n);
        }
        REGISTRY.put("haar", new Wavelet("haar", db[1].clone(), 1));
        for (int n = 1; n <= 10; n++) {
            REGISTRY.put("db" + n, new Wavelet("db" + n, db[n].clone(), n));
        }
        for (int n = 2; n <= 10; n++) {
            double[] lo = n <= 3 ? db[n].clone() : SYMLETS[n].clone();
            REGISTRY.put("sym" + n, new Wavelet("sym" + n, lo, n));
        }
        for (int n = 1; n <= 5; n++) {
            REGISTRY.put("coif" + n, new Wavelet("coif" + n, COIFLETS[n].clone(), 2 * n));
        }
    }
}
