/**
 * Medical image input and output.
 *
 * <table>
 *   <caption>Formats</caption>
 *   <tr><th>format</th><th>read</th><th>write</th></tr>
 *   <tr><td>NIfTI-1 {@code .nii}, {@code .nii.gz}</td><td>{@link org.radtab.radiomics.io.NiftiReader}
 *       (qform/sform chosen as ITK does)</td><td>{@link org.radtab.radiomics.io.NiftiWriter} (qform and sform,
 *       {@code scl_slope} 1 / {@code scl_inter} 0)</td></tr>
 *   <tr><td>NRRD {@code .nrrd}, {@code .nhdr}, 3D Slicer {@code .seg.nrrd}</td>
 *       <td>{@link org.radtab.radiomics.io.NrrdReader}</td><td>{@link org.radtab.radiomics.io.NrrdWriter}</td></tr>
 *   <tr><td>DICOM series (folder of uncompressed single-frame slices)</td>
 *       <td>{@link org.radtab.radiomics.io.DicomSeriesReader}</td><td>no</td></tr>
 * </table>
 *
 * {@link org.radtab.radiomics.io.ImageIO} picks the format from the name (a folder is a DICOM
 * series). All coordinates are LPS, as in DICOM and ITK: NIfTI's RAS is converted on read and
 * write. Integer output types are chosen with {@link org.radtab.radiomics.io.VoxelType} (the
 * smallest lossless type by default). Every reading problem (truncated file, wrong magic, header and
 * data sizes that disagree, unsupported datatype or transfer syntax, non-3D image) is an
 * {@link org.radtab.radiomics.io.ImageFormatException} naming the file and the field; sizes are
 * checked against the file before memory is allocated, and the header parsers are fuzz-tested to
 * fail in no other way. A mask on another grid than its image is a
 * {@link org.radtab.radiomics.image.GeometryMismatchException} naming both files
 * ({@link org.radtab.radiomics.io.ImageIO#readImageAndMask}).
 */
package org.radtab.radiomics.io;
