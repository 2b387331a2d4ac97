package org.radtab.rbp.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.radtab.ml.Dataset;
import org.radtab.ml.validation.Seeds;
import org.radtab.radiomics.RadiomicsSettings;
import org.radtab.rbp.cohort.CohortGenerator;
import org.radtab.rbp.cohort.Patient;

/**
 * The built-in synthetic cohort ({@link CohortGenerator}): CTs are rendered on the fly and the
 * paper's 1223 features extracted for reader 1 (all patients) and reader 2 (a seeded random
 * subset of {@code reader2Cases} patients).
 */
public final class SyntheticData implements StudyData {
    private final StudyConfig config;
    private final List<Patient> patients;
    private final CohortFeatures extractor;

    public SyntheticData(StudyConfig config) {
        this.config = config;
        this.patients = new CohortGenerator().generate(config.seed(), config.patients(), config.events());
        this.extractor = new CohortFeatures(RadiomicsSettings.paperRbp(), config.threads());
    }

    @Override
    public String description() {
        return "synthetic cohort (seed " + config.seed() + "): " + patients.size() + " patients, " + config.events()
            + " with RBP";
    }

    @Override
    public List<Patient> patients() {
        return patients;
    }

    @Override
    public Dataset clinical() {
        return ClinicalTable.of(patients);
    }

    @Override
    public Dataset radiomics(StudyListener listener) {
        listener.stage("extraction (reader 1, " + patients.size() + " cases)");
        return extractor.extract(patients, CohortFeatures.Reader.ONE,
            n -> listener.progress("extraction reader 1", n, patients.size()));
    }

    @Override
    public Optional<Dataset> radiomicsReader2(StudyListener listener) {
        List<Patient> subset = reader2Subset();
        listener.stage("extraction (reader 2, " + subset.size() + " cases)");
        return Optional.of(extractor.extract(subset, CohortFeatures.Reader.TWO,
            n -> listener.progress("extraction reader 2", n, subset.size())));
    }

    /** A seeded random subset of {@code reader2Cases} patients, in patient order. */
    List<Patient> reader2Subset() {
        int[] idx = new int[patients.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        SplittableRandom r = new SplittableRandom(Seeds.derive(config.seed(), 2));
        for (int i = idx.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        int[] chosen = Arrays.copyOf(idx, config.reader2Cases());
        Arrays.sort(chosen);
        List<Patient> out = new ArrayList<>();
        for (int i : chosen) {
            out.add(patients.get(i));
        }
        return out;
    }
}
