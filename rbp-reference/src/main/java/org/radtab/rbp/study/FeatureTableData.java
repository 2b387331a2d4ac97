package org.radtab.rbp.study;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.radtab.ml.Dataset;

/**
 * Real data as precomputed tables, skipping extraction: a feature table (e.g. PyRadiomics batch
 * output: numeric feature columns, the {@code Image}/{@code Mask}/{@code diagnostics_*} columns
 * ignored), a clinical table with the Table-1 columns and the {@code RBP} outcome, and optionally
 * the second reader's feature table for the CCC step. All are joined by the case-id column.
 */
public final class FeatureTableData implements StudyData {
    private final Path features;
    private final Path clinicalFile;
    private final Path features2;
    private final String idColumn;
    private final Dataset clinical;

    /**
     * @param features2 the second reader's features, or null (then the CCC filter is skipped)
     * @throws StudyInputException naming a missing file, column or case id
     */
    public FeatureTableData(Path features, Path clinical, Path features2, String idColumn) {
        this.features = features;
        this.clinicalFile = clinical;
        this.features2 = features2;
        this.idColumn = idColumn;
        this.clinical = TableJoin.clinical(clinical, idColumn);
        TableJoin.requireFile(features, "feature table");
        if (features2 != null) {
            TableJoin.requireFile(features2, "second reader's feature table");
        }
    }

    @Override
    public String description() {
        return "feature table " + features.getFileName() + " + clinical table " + clinicalFile.getFileName() + ": "
            + clinical.rows() + " patients, " + clinical.classCounts()[1] + " with RBP";
    }

    @Override
    public Dataset clinical() {
        return clinical;
    }

    @Override
    public Dataset radiomics(StudyListener listener) {
        listener.stage("reading " + features.getFileName());
        Dataset f = TableJoin.features(features, idColumn);
        Dataset aligned = TableJoin.align(f, TableJoin.ids(clinical), features.toString());
        return aligned.withLabels(clinical.labels(), "RBP");
    }

    @Override
    public Optional<Dataset> radiomicsReader2(StudyListener listener) {
        if (features2 == null) {
            return Optional.empty();
        }
        listener.stage("reading " + features2.getFileName());
        return Optional.of(TableJoin.features(features2, idColumn));
    }

    /** The case ids of the clinical table, in order. */
    public List<String> ids() {
        return TableJoin.ids(clinical);
    }
}
