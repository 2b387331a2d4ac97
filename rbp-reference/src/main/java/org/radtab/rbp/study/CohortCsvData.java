package org.radtab.rbp.study;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.radtab.ml.Dataset;
import org.radtab.radiomics.FeatureExtractor;
import org.radtab.radiomics.FeatureVector;
import org.radtab.radiomics.RadiomicsSettings;

/**
 * Real patients from a cohort CSV: one row per patient with a case id, the CT ({@code image}) and
 * the vertebral-body segmentation ({@code mask}) paths (relative paths are resolved against the
 * CSV's folder), optionally a second reader's segmentation ({@code mask_reader2}, for the CCC step;
 * leave cells empty for patients without one), the Table-1 clinical columns and the {@code RBP}
 * outcome (0/1). Features are extracted with the paper's configuration ({@code paper-rbp.yaml}).
 */
public final class CohortCsvData implements StudyData {
    private final Path csv;
    private final String idColumn;
    private final int threads;
    private final Dataset clinical;
    private final List<Path> images = new ArrayList<>();
    private final List<Path> masks = new ArrayList<>();
    private final List<Path> masks2 = new ArrayList<>();

    /**
     * Reads and checks the cohort CSV (columns, outcome codes, that every image and mask exists).
     *
     * @throws StudyInputException naming the file, row and column of the first problem
     */
    public CohortCsvData(Path csv, String idColumn, int threads) {
        this.csv = csv;
        this.idColumn = idColumn;
        this.threads = threads;
        this.clinical = TableJoin.clinical(csv, idColumn);
        Path base = csv.toAbsolutePath().getParent();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser p = CSVParser.parse(in, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                 .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get())) {
            for (String required : List.of("image", "mask")) {
                if (!p.getHeaderMap().containsKey(required)) {
                    throw new StudyInputException(csv + ": missing column '" + required + "' (image and mask paths)");
                }
            }
            boolean hasReader2 = p.getHeaderMap().containsKey("mask_reader2");
            for (CSVRecord r : p) {
                String id = r.get(idColumn);
                images.add(existing(base, r.get("image"), id, "image"));
                masks.add(existing(base, r.get("mask"), id, "mask"));
                String m2 = hasReader2 ? r.get("mask_reader2") : "";
                masks2.add(m2 == null || m2.isBlank() ? null : existing(base, m2, id, "mask_reader2"));
            }
        } catch (IOException e) {
            throw new StudyInputException(csv + ": " + e.getMessage(), e);
        }
    }

    private Path existing(Path base, String cell, String id, String column) {
        if (cell == null || cell.isBlank()) {
            throw new StudyInputException(csv + ": case " + id + ": empty " + column + " path");
        }
        Path p = base.resolve(cell.trim()).normalize();
        if (!Files.exists(p)) {
            throw new StudyInputException(csv + ": case " + id + ": " + column + " file not found: " + p);
        }
        return p;
    }

    @Override
    public String description() {
        return "cohort " + csv.getFileName() + ": " + clinical.rows() + " patients, " + clinical.classCounts()[1]
            + " with RBP";
    }

    @Override
    public Dataset clinical() {
        return clinical;
    }

    @Override
    public Dataset radiomics(StudyListener listener) {
        listener.stage("extraction (reader 1, " + clinical.rows() + " cases)");
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < clinical.rows(); i++) {
            all.add(i);
        }
        return extract(all, masks, "extraction reader 1", listener);
    }

    @Override
    public Optional<Dataset> radiomicsReader2(StudyListener listener) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < masks2.size(); i++) {
            if (masks2.get(i) != null) {
                rows.add(i);
            }
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        listener.stage("extraction (reader 2, " + rows.size() + " cases)");
        return Optional.of(extract(rows, masks2, "extraction reader 2", listener));
    }

    private Dataset extract(List<Integer> rows, List<Path> maskList, String stage, StudyListener listener) {
        FeatureExtractor extractor = new FeatureExtractor(RadiomicsSettings.paperRbp());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "radtab-extract");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<FeatureVector>> futures = new ArrayList<>();
            for (int i : rows) {
                futures.add(pool.submit(() -> {
                    FeatureVector v = extractor.extract(images.get(i), maskList.get(i));
                    listener.progress(stage, done.incrementAndGet(), rows.size());
                    return v;
                }));
            }
            Dataset.Builder b = null;
            List<String> names = null;
            for (int k = 0; k < rows.size(); k++) {
                int i = rows.get(k);
                FeatureVector v;
                try {
                    v = futures.get(k).get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new StudyInputException(csv + ": case " + clinical.id(i) + ": feature extraction failed: "
                        + e.getCause().getMessage(), e.getCause());
                }
                if (b == null) {
                    names = v.names();
                    b = Dataset.builder(names).labelName("RBP").idName(idColumn).allowNonFinite(true);
                } else if (!names.equals(v.names())) {
                    throw new StudyInputException(csv + ": case " + clinical.id(i) + " gave a different feature set");
                }
                b.addRow(v.values(), clinical.label(i), clinical.id(i));
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
