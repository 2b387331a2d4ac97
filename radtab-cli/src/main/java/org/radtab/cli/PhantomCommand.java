package org.radtab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.radtab.radiomics.io.ImageIO;
import org.radtab.radiomics.io.VoxelType;
import org.radtab.rbp.cohort.CohortGenerator;
import org.radtab.rbp.cohort.Patient;
import org.radtab.rbp.cohort.VertebraPhantom;
import org.radtab.rbp.study.ClinicalTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code radtab phantom}: writes patients of the built-in synthetic cohort as files, the inputs a
 * user would have for a real patient: {@code <out>/<id>/image.nii.gz} (int16 CT, 0.7 x 0.7 x 3 mm),
 * {@code mask.nii.gz} (reader 1) and {@code mask_reader2.nii.gz}, and prints each patient's
 * clinical values in the form {@code radtab predict --clinical} takes. The cohort is the one
 * {@code radtab study --seed N} draws (856 patients, 102 with RBP), so the files reproduce the
 * study's cases.
 */
@Command(name = "phantom", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Write synthetic cohort patients (vertebra CT, two readers' masks) as NIfTI files, and print their "
        + "clinical values for 'radtab predict --clinical'.")
public final class PhantomCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--seed", paramLabel = "N", description = "cohort seed, as in 'radtab study --seed' (default: 2025)")
    long seed = 2025;

    @Option(names = "--patient", paramLabel = "ID", split = ",", required = true,
        description = "patient ids, e.g. RBP-0001 (RBP-0001 .. RBP-0856)")
    List<String> ids;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "output folder (one sub-folder per patient)")
    Path out;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Patient> cohort = new CohortGenerator().generate(seed, CohortGenerator.PAPER_PATIENTS,
            CohortGenerator.PAPER_EVENTS);
        List<Patient> chosen = new ArrayList<>();
        for (String id : ids) {
            Patient found = null;
            for (Patient p : cohort) {
                if (p.id().equals(id.trim())) {
                    found = p;
                }
            }
            if (found == null) {
                err.println("radtab phantom: no patient '" + id + "' (ids are RBP-0001 .. RBP-"
                    + String.format(Locale.ROOT, "%04d", cohort.size()) + ")");
                err.flush();
                return ExitCodes.INPUT_ERROR;
            }
            chosen.add(found);
        }
        for (Patient p : chosen) {
            Path dir = out.resolve(p.id());
            Files.createDirectories(dir);
            VertebraPhantom.Rendered r = VertebraPhantom.render(p);
            ImageIO.writeVolume(r.ct(), dir.resolve("image.nii.gz"), VoxelType.INT16);
            ImageIO.writeMask(r.reader1(), dir.resolve("mask.nii.gz"));
            ImageIO.writeMask(r.reader2(), dir.resolve("mask_reader2.nii.gz"));
            stdout.println(p.id() + " (" + (p.rbp() ? "RBP" : "no RBP") + "): " + dir);
            stdout.println("  --clinical " + clinical(p));
        }
        stdout.flush();
        return ExitCodes.OK;
    }

    /** {@code name=value,...} in Table-1 column order, values as in the study's clinical table. */
    static String clinical(Patient p) {
        List<String> names = ClinicalTable.columns();
        double[] v = ClinicalTable.row(p);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            double x = v[i];
            sb.append(names.get(i)).append('=').append(x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x));
        }
        return sb.toString();
    }
}
