/**
 * Batch extraction: many cases from a PyRadiomics batch CSV into one feature table.
 *
 * <pre>{@code
 * BatchSummary s = new BatchExtractor(RadiomicsSettings.paperRbp())
 *     .withThreads(4)
 *     .withListener(myProgressBar)
 *     .run(Path.of("cases.csv"), Path.of("features.csv"));
 * s.failed();   // cases that became error rows
 * }</pre>
 *
 * <h2>Input: the case list ({@link org.radtab.radiomics.batch.CaseList})</h2>
 * A CSV with a header. Required columns {@code Image} and {@code Mask} (paths; relative paths
 * are resolved against the CSV file's folder); optional {@code Label} (integer; overrides the
 * {@code label} setting for that row, an empty cell keeps the setting); any other column (e.g.
 * {@code PatientID}, {@code Outcome}) is copied through. Column names starting with
 * {@code diagnostics_} are reserved.
 *
 * <h2>Output: PyRadiomics' batch layout</h2>
 * One header row, then exactly one row per input case, in input order:
 * <ol>
 *   <li>the input columns, in input order, with the cells exactly as in the input (paths are
 *       not rewritten);</li>
 *   <li>{@code diagnostics_Error}: empty for a successful case; for a failed case the reason,
 *       prefixed by a category: {@code invalid row}, {@code file not found}, {@code cannot read
 *       image}, {@code I/O error}, {@code invalid ROI}, {@code image/mask grid mismatch},
 *       {@code invalid settings for this case}, {@code feature set differs}, {@code out of
 *       memory}, {@code internal error};</li>
 *   <li>the diagnostics ({@code diagnostics_Versions_RadTab},
 *       {@code diagnostics_Configuration_Settings}, {@code diagnostics_Image-original_Size}, ...)
 *       in the order the first successful case produced them; a diagnostic that only a later
 *       case produced is appended after them (the header is the union, in a stable order);</li>
 *   <li>the features, in extraction order ({@code original_shape_Elongation}, ...,
 *       {@code gradient_ngtdm_Strength}), as the first successful case in input order produced
 *       them.</li>
 * </ol>
 * A failed case has empty diagnostics and feature cells. A case that succeeds with another set
 * of features than the first successful case (e.g. a LoG sigma too large for its image) is
 * written as an error row ({@code feature set differs ...}), never as a misaligned row. Values
 * are written with {@link java.lang.Double#toString(double)} ({@code NaN}, {@code Infinity});
 * fields are quoted as Python's {@code csv.QUOTE_MINIMAL} does; lines end with LF; UTF-8.
 * The file is the same, byte for byte, for any thread count (on one JVM version).
 *
 * <h2>Resume</h2>
 * With {@link org.radtab.radiomics.batch.BatchExtractor#withResume(boolean) resume}, an existing
 * output is read first. A case is done when a row with the same image and mask (resolved as in
 * the case list) and the same effective label (the row's {@code Label}, else the {@code label}
 * setting) has an empty {@code diagnostics_Error} and no empty feature cell; done cases are not
 * extracted again, failed ones are retried. New rows are appended under the existing header as
 * they finish (a half-written last line from an interrupted run is cut off first), and at the
 * end the file is rewritten in input order with the current case list's input columns; rows of
 * cases no longer in the case list are dropped. The existing feature columns define the feature
 * set. Resume assumes the same parameters as the run that wrote the file. Without resume an
 * existing output is overwritten.
 *
 * <p>Rows are written as they finish, in input order, and flushed, so an interrupted run (killed
 * JVM, power cut) leaves every finished row in the file: run again with resume.
 *
 * <h2>Threads and memory</h2>
 * {@code threads} workers (default: all cores) each extract one case at a time; heap use is
 * about {@code threads} times that of one case plus at most {@code max(64, 4 threads)} finished
 * rows waiting for a slower earlier case. Progress goes to a
 * {@link org.radtab.radiomics.batch.BatchListener} (cases done and failed, elapsed time, ETA).
 */
package org.radtab.radiomics.batch;
