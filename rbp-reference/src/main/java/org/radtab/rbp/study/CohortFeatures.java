package org.radtab.rbp.study;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.radtab.ml.Dataset;
import org.radtab.radiomics.FeatureExtractor;
import org.radtab.radiomics.FeatureVector;
import org.radtab.radiomics.RadiomicsSettings;
import org.radtab.radiomics.preprocess.OutputCast;
import org.radtab.rbp.cohort.Patient;
import org.radtab.rbp.cohort.VertebraPhantom;

/**
 * Radiomics features of the synthetic cohort: each patient's CT is rendered on the fly and the
 * configured features (by default the paper's 1223) are extracted from one reader's mask.
 * Cases run in parallel; rows come back in patient order, so the table does not depend on
 * the thread count.
 */
public final class CohortFeatures {

    /** Which reader's segmentation to use. */
    public enum Reader { ONE, TWO }

    private final FeatureExtractor extractor;
    private final int threads;

    public CohortFeatures(RadiomicsSettings settings, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        this.extractor = new FeatureExtractor(settings);
        this.threads = threads;
    }

    /**
     * Extracts features for {@code patients} (in order) from the given reader's masks.
     *
     * @param progress called with the number of finished cases (may be called from worker threads)
     * @return a table with one row per patient, ids = patient ids, labels = RBP (1) / no RBP (0)
     */
    public Dataset extract(List<Patient> patients, Reader reader, IntConsumer progress) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "radtab-extract");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<FeatureVector>> futures = new ArrayList<>();
            for (Patient p : patients) {
                futures.add(pool.submit(() -> {
                    VertebraPhantom.Rendered r = VertebraPhantom.render(p);
                    FeatureVector v = extractor.extract(r.ct(), reader == Reader.ONE ? r.reader1() : r.reader2(),
                        OutputCast.INT16);
                    progress.accept(done.incrementAndGet());
                    return v;
                }));
            }
            Dataset.Builder b = null;
            List<String> names = null;
            for (int i = 0; i < patients.size(); i++) {
                FeatureVector v;
                try {
                    v = futures.get(i).get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("feature extraction failed for " + patients.get(i).id() + ": "
                        + e.getCause().getMessage(), e.getCause());
                }
                if (b == null) {
                    names = v.names();
                    b = Dataset.builder(names).labelName("RBP").idName("id").allowNonFinite(true);
                } else if (!names.equals(v.names())) {
                    throw new IllegalStateException("case " + patients.get(i).id() + " produced a different feature set");
                }
                b.addRow(v.values(), patients.get(i).rbp() ? 1 : 0, patients.get(i).id());
            }
            if (b == null) {
                throw new IllegalArgumentException("no patients to extract");
            }
            return b.build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
