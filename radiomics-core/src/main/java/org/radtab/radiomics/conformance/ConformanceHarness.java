package org.radtab.radiomics.conformance;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.radtab.radiomics.image.Mask;
import org.radtab.radiomics.image.Volume;
import org.radtab.radiomics.io.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the conformance suites of the data folder (layout and pass rules in the data README)
 * against a {@link ConformanceEngine}.
 *
 * <h2>Suites</h2>
 * <ul>
 *   <li>{@code ibsi1-digital-phantom}, {@code ibsi1-ct-a} .. {@code ibsi1-ct-e}: the IBSI 1
 *       reference files {@code ibsi1/reference/*.csv}; rule {@link PassRule#ibsi1()} (round to 3
 *       significant digits, then {@code |v - ref| <= tol}).</li>
 *   <li>{@code ibsi2-phase1-<id>} for every {@code ibsi2/response_maps/<id with _>-ValidCRM.nii.gz}
 *       (e.g. {@code 1_a_1} is test {@code 1.a.1}): one row {@code max_abs_diff}, passing when
 *       every voxel of the computed map differs from the reference map by at most 1% of the
 *       reference map's range (max - min). A map on another grid fails.</li>
 *   <li>{@code ibsi2-phase2-<filter id>} ({@code 1.A} .. {@code 9.B}) from
 *       {@code ibsi2/reference_values.csv}; rule {@link PassRule#absolute()} (unrounded).</li>
 *   <li>{@code pyradiomics-<column>} for every baseline column whose test-case image is present
 *       ({@code brain1}, {@code brain2}, {@code breast1} and their variants; {@code lung*} columns
 *       are absent): all feature rows of every {@code baseline_<class>.csv} having that column;
 *       rule {@link PassRule#relative} with 1e-6 relative / 1e-9 absolute, or 1e-3 relative for
 *       {@code _resampling} columns (SimpleITK's B-spline resampling cannot be matched to 1e-6).
 *       {@code diagnostics_*} rows are not compared.</li>
 * </ul>
 *
 * <h2>IBSI 2 phase-1 phantoms</h2>
 * Test id prefix to phantom (IBSI 2 reference manual): 1.a, 2.b, 2.c, 3.b, 3.c, 7.a, 8.a
 * checkerboard; 1.b, 2.a, 3.a, 4.a, 5.a, 9.a impulse; 4.b, 6.a, 9.b sphere; 10.b pattern_1.
 *
 * <p>Images are read once and handed to the engine as copies.
 */
public final class ConformanceHarness {
    private static final Logger LOG = LoggerFactory.getLogger(ConformanceHarness.class);
    private static final Pattern RESPONSE_MAP = Pattern.compile("(\\d+(?:_[a-z0-9]+)+)-ValidCRM\\.nii(\\.gz)?");

    static final Map<String, String> PHASE1_PHANTOMS = Map.ofEntries(
        Map.entry("1.a", "checkerboard"), Map.entry("1.b", "impulse"), Map.entry("2.a", "impulse"),
        Map.entry("2.b", "checkerboard"), Map.entry("2.c", "checkerboard"), Map.entry("3.a", "impulse"),
        Map.entry("3.b", "checkerboard"), Map.entry("3.c", "checkerboard"), Map.entry("4.a", "impulse"),
        Map.entry("4.b", "sphere"), Map.entry("5.a", "impulse"), Map.entry("6.a", "sphere"),
        Map.entry("7.a", "checkerboard"), Map.entry("8.a", "checkerboard"), Map.entry("9.a", "impulse"),
        Map.entry("9.b", "sphere"), Map.entry("10.b", "pattern_1"));

    private final Path data;
    private final ConformanceEngine engine;
    private final Map<Path, Volume> volumes = new HashMap<>();
    private final Map<Path, Mask> masks = new HashMap<>();
    private PyRadiomicsBaseline baseline;
    private Map<String, List<ReferenceValue>> phase2;

    /**
     * @param dataDir the conformance data folder (holding {@code ibsi1/}, {@code ibsi2/}, {@code pyradiomics/})
     * @param engine  computes the values; see {@link ConformanceEngines}
     */
    public ConformanceHarness(Path dataDir, ConformanceEngine engine) {
        this.data = dataDir;
        this.engine = engine;
    }

    public ConformanceEngine engine() {
        return engine;
    }

    /** Every suite the data folder supports, in report order. */
    public List<String> suiteNames() throws IOException {
        List<String> out = new ArrayList<>();
        for (Ibsi1Case c : Ibsi1Case.values()) {
            if (Files.isRegularFile(ibsi1Reference(c))) {
                out.add(c.suiteName());
            }
        }
        Path maps = data.resolve("ibsi2/response_maps");
        if (Files.isDirectory(maps)) {
            List<String> ids = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(maps)) {
                for (Path p : ds) {
                    Matcher m = RESPONSE_MAP.matcher(p.getFileName().toString());
                    if (m.matches()) {
                        ids.add(m.group(1).replace('_', '.'));
                    }
                }
            }
            ids.sort(ConformanceHarness::compareTestIds);
            for (String id : new LinkedHashSet<>(ids)) {
                out.add("ibsi2-phase1-" + id);
            }
        }
        if (Files.isRegularFile(phase2File())) {
            for (String id : phase2().keySet()) {
                out.add("ibsi2-phase2-" + id);
            }
        }
        if (Files.isDirectory(data.resolve("pyradiomics/baseline"))) {
            PyRadiomicsBaseline b = baseline();
            List<String> testCases = new ArrayList<>();
            Map<String, String> caseOf = new HashMap<>();
            for (String column : b.columns()) {
                String tc = b.testCase(column);
                caseOf.put(column, tc);
                if (!testCases.contains(tc)) {
                    testCases.add(tc);
                }
            }
            // grouped by test case (baseline order), the plain column first, then its variants by name
            List<String> columns = new ArrayList<>(b.columns());
            columns.sort(java.util.Comparator.comparingInt((String c) -> testCases.indexOf(caseOf.get(c)))
                .thenComparing(c -> !c.equals(caseOf.get(c)))
                .thenComparing(String.CASE_INSENSITIVE_ORDER));
            for (String column : columns) {
                if (Files.isRegularFile(pyImage(caseOf.get(column)))) {
                    out.add("pyradiomics-" + column);
                }
            }
        }
        return out;
    }

    /** Runs every suite accepted by {@code select}. */
    public ConformanceReport run(Predicate<String> select) throws IOException {
        List<SuiteResult> out = new ArrayList<>();
        for (String s : suiteNames()) {
            if (select.test(s)) {
                out.add(run(s));
            }
        }
        return new ConformanceReport(out);
    }

    /**
     * Runs one suite.
     *
     * @throws IllegalArgumentException for a name that is not a suite of this data folder
     * @throws IOException              when reference data or images cannot be read
     */
    public SuiteResult run(String suite) throws IOException {
        LOG.debug("running suite {}", suite);
        for (Ibsi1Case c : Ibsi1Case.values()) {
            if (c.suiteName().equals(suite)) {
                return runIbsi1(c);
            }
        }
        if (suite.startsWith("ibsi2-phase1-")) {
            return runPhase1(suite, suite.substring("ibsi2-phase1-".length()));
        }
        if (suite.startsWith("ibsi2-phase2-")) {
            return runPhase2(suite, suite.substring("ibsi2-phase2-".length()));
        }
        if (suite.startsWith("pyradiomics-")) {
            return runPyRadiomics(suite, suite.substring("pyradiomics-".length()));
        }
        throw new IllegalArgumentException("unknown suite " + suite);
    }

    /** A predicate accepting names that match any of the globs ({@code *} any text, {@code ?} one character). */
    public static Predicate<String> glob(List<String> globs) {
        if (globs == null || globs.isEmpty()) {
            return s -> true;
        }
        List<Pattern> ps = new ArrayList<>();
        for (String g : globs) {
            for (String part : g.split(",")) {
                StringBuilder re = new StringBuilder();
                for (char c : part.trim().toCharArray()) {
                    if (c == '*') {
                        re.append(".*");
                    } else if (c == '?') {
                        re.append('.');
                    } else {
                        re.append(Pattern.quote(String.valueOf(c)));
                    }
                }
                ps.add(Pattern.compile(re.toString()));
            }
        }
        return s -> ps.stream().anyMatch(p -> p.matcher(s).matches());
    }

    // ---- IBSI 1 ----

    private Path ibsi1Reference(Ibsi1Case c) {
        return data.resolve("ibsi1/reference").resolve(c.referenceFile());
    }

    private SuiteResult runIbsi1(Ibsi1Case c) throws IOException {
        List<ReferenceValue> refs = ReferenceFiles.readIbsi1(ibsi1Reference(c));
        Path img = data.resolve("ibsi1").resolve(c.imageFolder()).resolve("image.nii.gz");
        Path msk = data.resolve("ibsi1").resolve(c.imageFolder()).resolve("mask.nii.gz");
        Set<String> tags = new LinkedHashSet<>();
        refs.forEach(r -> tags.add(r.feature()));
        Ibsi1Request req = new Ibsi1Request(c, img, msk, volume(img), mask(msk), Set.copyOf(tags));
        Map<String, Double> values = Map.of();
        String error = null;
        try {
            values = nonNull(engine.ibsi1(req));
        } catch (Exception e) {
            error = describe(e);
            LOG.warn("engine {} failed on {}: {}", engine.name(), c.suiteName(), error);
        }
        return new SuiteResult(c.suiteName(), compare(refs, values, PassRule.ibsi1(), error != null), error);
    }

    // ---- IBSI 2 ----

    private Path phase2File() {
        return data.resolve("ibsi2/reference_values.csv");
    }

    private Map<String, List<ReferenceValue>> phase2() throws IOException {
        if (phase2 == null) {
            phase2 = ReferenceFiles.readIbsi2Phase2(phase2File());
        }
        return phase2;
    }

    private SuiteResult runPhase2(String suite, String id) throws IOException {
        List<ReferenceValue> refs = phase2().get(id);
        if (refs == null) {
            throw new IllegalArgumentException("unknown suite " + suite + " (no filter id " + id + ")");
        }
        Path img = data.resolve("ibsi1/ct_phantom/image.nii.gz");
        Path msk = data.resolve("ibsi1/ct_phantom/mask.nii.gz");
        Set<String> tags = new LinkedHashSet<>();
        refs.forEach(r -> tags.add(r.feature()));
        int dot = id.indexOf('.');
        Ibsi2Phase2Request req = new Ibsi2Phase2Request(id, Integer.parseInt(id.substring(0, dot)), id.charAt(dot + 1),
            img, msk, volume(img), mask(msk), Set.copyOf(tags));
        Map<String, Double> values = Map.of();
        String error = null;
        try {
            values = nonNull(engine.ibsi2Phase2(req));
        } catch (Exception e) {
            error = describe(e);
            LOG.warn("engine {} failed on {}: {}", engine.name(), suite, error);
        }
        return new SuiteResult(suite, compare(refs, values, PassRule.absolute(), error != null), error);
    }

    private SuiteResult runPhase1(String suite, String id) throws IOException {
        Path ref = data.resolve("ibsi2/response_maps").resolve(id.replace('.', '_') + "-ValidCRM.nii.gz");
        if (!Files.isRegularFile(ref)) {
            throw new IllegalArgumentException("unknown suite " + suite + " (no " + ref + ")");
        }
        String[] parts = id.split("\\.");
        String phantom = parts.length >= 2 ? PHASE1_PHANTOMS.get(parts[0] + "." + parts[1]) : null;
        Path phantomFile = null;
        Volume phantomImage = null;
        Mask phantomMask = null;
        if (phantom != null) {
            phantomFile = data.resolve("ibsi2/phantoms").resolve(phantom).resolve("image.nii.gz");
            Path pm = data.resolve("ibsi2/phantoms").resolve(phantom).resolve("mask.nii.gz");
            phantomImage = volume(phantomFile);
            phantomMask = Files.isRegularFile(pm) ? mask(pm) : null;
        }
        Volume reference = ImageIO.readVolume(ref);
        double[] mmm = reference.minMeanMax();
        double tol = 0.01 * (mmm[2] - mmm[0]);
        BigDecimal tolerance = new BigDecimal(Double.toString(tol));
        Optional<Volume> computed = Optional.empty();
        String error = null;
        try {
            Optional<Volume> c = engine.ibsi2ResponseMap(new Ibsi2Phase1Request(id, phantom, phantomFile, phantomImage,
                phantomMask));
            computed = c == null ? Optional.empty() : c;
        } catch (Exception e) {
            error = describe(e);
            LOG.warn("engine {} failed on {}: {}", engine.name(), suite, error);
        }
        SuiteResult.Row row;
        if (error != null) {
            row = new SuiteResult.Row("max_abs_diff", SuiteResult.Status.FAIL, null, BigDecimal.ZERO, tolerance);
        } else if (computed.isEmpty()) {
            row = new SuiteResult.Row("max_abs_diff", SuiteResult.Status.MISSING, null, BigDecimal.ZERO, tolerance);
        } else if (computed.get().data().length != reference.data().length
            || !java.util.Arrays.equals(computed.get().geometry().size(), reference.geometry().size())) {
            error = "response map is " + computed.get().geometry() + ", the reference " + reference.geometry();
            row = new SuiteResult.Row("max_abs_diff", SuiteResult.Status.FAIL, Double.NaN, BigDecimal.ZERO, tolerance);
        } else {
            double[] a = computed.get().data();
            double[] b = reference.data();
            double max = 0;
            for (int n = 0; n < a.length; n++) {
                double d = Math.abs(a[n] - b[n]);
                if (!(d <= max)) {
                    max = d; // NaN propagates
                }
            }
            boolean pass = max <= tol;
            row = new SuiteResult.Row("max_abs_diff", pass ? SuiteResult.Status.PASS : SuiteResult.Status.FAIL, max,
                BigDecimal.ZERO, tolerance);
        }
        return new SuiteResult(suite, List.of(row), error);
    }

    /** Orders "1.a.1" < "1.b.1" < "2.a" < "10.b.1" (numbers numerically). */
    static int compareTestIds(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c;
            if (x[i].matches("\\d+") && y[i].matches("\\d+")) {
                c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
            } else {
                c = x[i].compareTo(y[i]);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    // ---- PyRadiomics ----

    private PyRadiomicsBaseline baseline() throws IOException {
        if (baseline == null) {
            baseline = PyRadiomicsBaseline.read(data.resolve("pyradiomics/baseline"));
        }
        return baseline;
    }

    private Path pyImage(String testCase) {
        return data.resolve("pyradiomics").resolve(testCase + "_image.nrrd");
    }

    private SuiteResult runPyRadiomics(String suite, String column) throws IOException {
        PyRadiomicsBaseline b = baseline();
        List<String> classes = b.featureClasses(column);
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("unknown suite " + suite + " (no baseline column " + column + ")");
        }
        String testCase = b.testCase(column);
        Path img = pyImage(testCase);
        Path msk = data.resolve("pyradiomics").resolve(testCase + "_label.nrrd");
        PassRule rule = column.endsWith("_resampling") ? PassRule.relative(1e-3, 1e-9) : PassRule.relative(1e-6, 1e-9);
        Map<String, SuiteResult.Row> rows = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        for (String fc : classes) {
            List<ReferenceValue> refs = new ArrayList<>();
            for (ReferenceValue r : b.features(fc, column)) {
                if (!rows.containsKey(r.feature())) {
                    refs.add(r);
                }
            }
            List<String> names = new ArrayList<>();
            refs.forEach(r -> names.add(r.feature()));
            PyRadiomicsRequest req = new PyRadiomicsRequest(column, testCase, fc, b.settings(fc, column),
                b.imageTypes(fc, column), img, msk, volume(img), mask(msk), List.copyOf(names));
            Map<String, Double> values = Map.of();
            boolean failed = false;
            try {
                values = nonNull(engine.pyradiomics(req));
            } catch (Exception e) {
                failed = true;
                errors.add(fc + ": " + describe(e));
                LOG.warn("engine {} failed on {} / {}: {}", engine.name(), suite, fc, describe(e));
            }
            for (SuiteResult.Row r : compare(refs, values, rule, failed)) {
                rows.putIfAbsent(r.feature(), r);
            }
        }
        return new SuiteResult(suite, new ArrayList<>(rows.values()), errors.isEmpty() ? null : String.join("; ", errors));
    }

    // ---- shared ----

    /** Compares every reference row with the engine's values under {@code rule}. */
    static List<SuiteResult.Row> compare(List<ReferenceValue> refs, Map<String, Double> values, PassRule rule,
                                         boolean engineFailed) {
        List<SuiteResult.Row> out = new ArrayList<>();
        for (ReferenceValue r : refs) {
            Double v = values.get(r.feature());
            if (!r.hasConsensus()) {
                out.add(new SuiteResult.Row(r.feature(), SuiteResult.Status.SKIPPED, v, null, null));
            } else if (engineFailed) {
                out.add(new SuiteResult.Row(r.feature(), SuiteResult.Status.FAIL, null, r.reference(), rule.tolerance(r)));
            } else if (v == null) {
                out.add(new SuiteResult.Row(r.feature(), SuiteResult.Status.MISSING, null, r.reference(),
                    rule.tolerance(r)));
            } else {
                boolean pass = rule.passes(v, r);
                out.add(new SuiteResult.Row(r.feature(), pass ? SuiteResult.Status.PASS : SuiteResult.Status.FAIL, v,
                    r.reference(), rule.tolerance(r)));
            }
        }
        return out;
    }

    private static Map<String, Double> nonNull(Map<String, Double> m) {
        return m == null ? Map.of() : m;
    }

    private static String describe(Exception e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private Volume volume(Path p) throws IOException {
        Volume v = volumes.get(p);
        if (v == null) {
            v = ImageIO.readVolume(p);
            volumes.put(p, v);
        }
        return v.copy();
    }

    private Mask mask(Path p) throws IOException {
        Mask m = masks.get(p);
        if (m == null) {
            m = ImageIO.readMask(p);
            masks.put(p, m);
        }
        return m.copy();
    }
}
