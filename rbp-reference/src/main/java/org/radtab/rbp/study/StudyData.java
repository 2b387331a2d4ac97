package org.radtab.rbp.study;

import java.util.List;
import java.util.Optional;
import org.radtab.ml.Dataset;
import org.radtab.rbp.cohort.Patient;

/**
 * Where a study's data comes from: the built-in synthetic cohort, a cohort CSV of real patients
 * with image and mask paths ({@link CohortCsvData}), or precomputed feature tables
 * ({@link FeatureTableData}). Row order and ids of all tables agree.
 */
public interface StudyData {

    /** One line for the report and the console. */
    String description();

    /** The Table-1 clinical columns ({@link ClinicalTable#columns()}), labels = RBP (1) / no RBP (0), ids. */
    Dataset clinical();

    /** Reader 1's radiomics features, one row per patient, same ids and order as {@link #clinical()}. */
    Dataset radiomics(StudyListener listener);

    /** Reader 2's features for the patients it segmented (ids a subset), or empty: the CCC step is then skipped. */
    Optional<Dataset> radiomicsReader2(StudyListener listener);

    /** The synthetic patients (empty for real data). */
    default List<Patient> patients() {
        return List.of();
    }
}
