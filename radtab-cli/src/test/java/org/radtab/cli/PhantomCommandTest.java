package org.radtab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radtab.radiomics.image.Mask;
import org.radtab.radiomics.image.Volume;
import org.radtab.radiomics.io.ImageIO;
import org.radtab.rbp.cohort.CohortGenerator;
import org.radtab.rbp.cohort.Patient;
import org.radtab.rbp.cohort.VertebraPhantom;
import org.radtab.rbp.study.ClinicalTable;

/** {@code radtab phantom}: the files hold the study's patient, and they feed {@code radtab extract}. */
class PhantomCommandTest {
    @TempDir
    Path tmp;

    @Test
    void writesTheStudysPatientAndItsClinicalValues() throws Exception {
        RadtabCommandTest.Run r = RadtabCommandTest.run("phantom", "--patient", "RBP-0003", "--out", tmp.toString());
        assertEquals(0, r.code(), r.err());
        Patient p = new CohortGenerator().generate(2025, 856, 102).get(2);
        assertEquals("RBP-0003", p.id());
        Path dir = tmp.resolve("RBP-0003");
        Volume ct = ImageIO.readVolume(dir.resolve("image.nii.gz"));
        Mask m1 = ImageIO.readMask(dir.resolve("mask.nii.gz"));
        Mask m2 = ImageIO.readMask(dir.resolve("mask_reader2.nii.gz"));
        // the phantom's grid: 93 x 79 x 16 voxels of 0.7 x 0.7 x 3 mm
        assertArrayEquals(new int[] {93, 79, 16}, ct.geometry().size());
        assertEquals(0.7, ct.geometry().spacing(0), 1e-6);
        assertEquals(3.0, ct.geometry().spacing(2), 1e-9);
        VertebraPhantom.Rendered expected = VertebraPhantom.render(p);
        assertArrayEquals(expected.ct().data(), ct.data(), 0.0, "int16 CT round trip");
        assertEquals(expected.reader1().count(1), m1.count(1));
        assertEquals(expected.reader2().count(1), m2.count(1));
        // the clinical line names every Table-1 column with the study's value
        String line = r.out().lines().filter(s -> s.contains("--clinical")).findFirst().orElseThrow();
        List<String> names = ClinicalTable.columns();
        double[] values = ClinicalTable.row(p);
        for (int i = 0; i < names.size(); i++) {
            String v = values[i] == Math.rint(values[i]) ? Long.toString((long) values[i]) : Double.toString(values[i]);
            assertTrue(line.contains(names.get(i) + "=" + v), names.get(i) + " in " + line);
        }
        // the files feed radtab extract: 1223 features with the paper's configuration
        RadtabCommandTest.Run x = RadtabCommandTest.run("extract", dir.resolve("image.nii.gz").toString(),
            dir.resolve("mask.nii.gz").toString(), "--params", "paper-rbp");
        assertEquals(0, x.code(), x.err());
        assertEquals(1223, x.out().lines().count());
    }

    @Test
    void unknownPatientIsAnInputError() {
        RadtabCommandTest.Run r = RadtabCommandTest.run("phantom", "--patient", "RBP-9999", "--out", tmp.toString());
        assertEquals(ExitCodes.INPUT_ERROR, r.code());
        assertTrue(r.err().contains("RBP-9999"), r.err());
    }
}
