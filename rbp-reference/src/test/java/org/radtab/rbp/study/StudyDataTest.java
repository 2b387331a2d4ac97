package org.radtab.rbp.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radtab.ml.Dataset;
import org.radtab.ml.DatasetCsv;
import org.radtab.radiomics.RadiomicsSettings;
import org.radtab.radiomics.io.ImageIO;
import org.radtab.radiomics.io.VoxelType;
import org.radtab.rbp.cohort.CohortGenerator;
import org.radtab.rbp.cohort.Patient;
import org.radtab.rbp.cohort.VertebraPhantom;

/** The real-data inputs of the study: a cohort CSV with image paths, and precomputed feature tables. */
class StudyDataTest {

    @TempDir
    static Path dir;

    private static List<Patient> patients;
    private static Dataset features;

    @BeforeAll
    static void writeCohort() throws Exception {
        patients = new CohortGenerator().generate(5, 6, 2);
        StringBuilder csv = new StringBuilder("id,image,mask,mask_reader2," + String.join(",", ClinicalTable.columns())
            + ",RBP\n");
        for (Patient p : patients) {
            VertebraPhantom.Rendered r = VertebraPhantom.render(p);
            ImageIO.writeVolume(r.ct(), dir.resolve(p.id() + ".nii.gz"), VoxelType.INT16);
            ImageIO.writeMask(r.reader1(), dir.resolve(p.id() + "_seg.nii.gz"));
            ImageIO.writeMask(r.reader2(), dir.resolve(p.id() + "_seg2.nii.gz"));
            csv.append(p.id()).append(',').append(p.id()).append(".nii.gz,").append(p.id()).append("_seg.nii.gz,")
                .append(p.id().endsWith("1") ? "" : p.id() + "_seg2.nii.gz");
            for (double v : ClinicalTable.row(p)) {
                csv.append(',').append(v);
            }
            csv.append(',').append(p.rbp() ? 1 : 0).append('\n');
        }
        Files.writeString(dir.resolve("cohort.csv"), csv.toString());
        features = new CohortFeatures(RadiomicsSettings.paperRbp(), 2).extract(patients, CohortFeatures.Reader.ONE,
            n -> { });
    }

    @Test
    void cohortCsvExtractsTheSameFeaturesAsTheSyntheticPath() {
        CohortCsvData data = new CohortCsvData(dir.resolve("cohort.csv"), "id", 2);
        Dataset clinical = data.clinical();
        assertEquals(6, clinical.rows());
        assertArrayEquals(ClinicalTable.of(patients).toMatrix(), clinical.toMatrix());
        Dataset f = data.radiomics(StudyListener.SILENT);
        // the phantom's grid is float32-exact, so the written files read back bit-identically
        assertEquals(features.columnNames(), f.columnNames());
        assertArrayEquals(features.toMatrix(), f.toMatrix());
        // RBP-0001 has no second-reader mask
        Dataset f2 = data.radiomicsReader2(StudyListener.SILENT).orElseThrow();
        assertEquals(5, f2.rows());
        assertTrue(!f2.id(0).equals("RBP-0001"));
    }

    @Test
    void cohortCsvErrorsNameFileRowAndColumn() throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, Files.readString(dir.resolve("cohort.csv")).replace("RBP-0003_seg.nii.gz", "nothere.nii.gz"));
        StudyInputException e = assertThrows(StudyInputException.class, () -> new CohortCsvData(bad, "id", 1));
        assertTrue(e.getMessage().contains("RBP-0003") && e.getMessage().contains("nothere.nii.gz"), e.getMessage());
        Path noVas = dir.resolve("novas.csv");
        Files.writeString(noVas, Files.readString(dir.resolve("cohort.csv")).replace(",vas,", ",pain,"));
        e = assertThrows(StudyInputException.class, () -> new CohortCsvData(noVas, "id", 1));
        assertTrue(e.getMessage().contains("vas"), e.getMessage());
    }

    @Test
    void featureTablesAreJoinedById() throws Exception {
        Path f = dir.resolve("features.csv");
        DatasetCsv.write(features, f);
        Path c = dir.resolve("clinical.csv");
        // clinical rows in another order than the feature rows
        Dataset clin = ClinicalTable.of(patients);
        DatasetCsv.write(clin.rows(new int[] {5, 4, 3, 2, 1, 0}), c);
        FeatureTableData data = new FeatureTableData(f, c, null, "id");
        Dataset rad = data.radiomics(StudyListener.SILENT);
        assertEquals("RBP-0006", rad.id(0));
        assertArrayEquals(features.row(5), rad.row(0));
        assertTrue(data.radiomicsReader2(StudyListener.SILENT).isEmpty());
        Path missing = dir.resolve("clinical_extra.csv");
        Files.writeString(missing, Files.readString(c) + "RBP-0099" + Files.readString(c).lines().skip(1).findFirst()
            .orElseThrow().substring(8) + "\n");
        StudyInputException e = assertThrows(StudyInputException.class,
            () -> new FeatureTableData(f, missing, null, "id").radiomics(StudyListener.SILENT));
        assertTrue(e.getMessage().contains("RBP-0099"), e.getMessage());
    }
}
