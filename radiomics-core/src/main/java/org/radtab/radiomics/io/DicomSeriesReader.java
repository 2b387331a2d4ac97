package org.radtab.radiomics.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Volume;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a folder of single-frame DICOM slices (CT, MR, PET: any monochrome image) into one
 * {@link Volume}. No DICOM library is involved; the parser is {@link DicomFile}.
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li>Every regular file in the folder (not sub-folders; names starting with "." skipped) is
 *       examined. Files that are not DICOM, and DICOM files without pixel data (DICOMDIR,
 *       structured reports), are ignored. A file that looks like DICOM but cannot be parsed is an
 *       error: a silently dropped slice would give a wrong volume.</li>
 *   <li>One series: files are grouped by Series Instance UID (0020,000E). Several series in the
 *       folder are an error listing them, unless {@code seriesUid} picks one.</li>
 *   <li>Geometry, in LPS (DICOM's patient coordinate system, so no conversion): the row
 *       direction {@code r} and column direction {@code c} are Image Orientation (Patient)
 *       (0020,0037), which must agree across slices within 1e-4; the slice normal is
 *       {@code n = r x c}. Slices are sorted by {@code d = IPP . n}, the projection of Image
 *       Position (Patient) (0020,0032) on the normal. The volume's direction columns are
 *       {@code (r, c, n)}, its origin the IPP of the first sorted slice, its spacing
 *       {@code (PixelSpacing[1], PixelSpacing[0], (d_last - d_first) / (N - 1))} (Pixel Spacing
 *       (0028,0030) is "row spacing \ column spacing", i.e. along {@code c} then {@code r}).
 *       Voxel (i, j, k) is column i, row j of slice k.</li>
 *   <li>Rejected: two slices at the same position; a gap between neighbouring slices that
 *       differs from the median gap by more than {@link #SPACING_TOLERANCE} (1%) of it, e.g. a
 *       missing slice (the message names the files on both sides); slice positions that leave the
 *       normal through the first slice by more than 1% of the spacing (gantry tilt, sheared
 *       stacks); differing Rows, Columns, Pixel Spacing or orientation between slices.</li>
 *   <li>Values: {@code stored * RescaleSlope + RescaleIntercept} per slice (defaults 1 and 0);
 *       stored values are the {@code BitsStored} bits ending at {@code HighBit}, signed when
 *       Pixel Representation is 1. Bits Allocated 8, 16 or 32; one sample per pixel,
 *       MONOCHROME1/2 (values are not inverted for MONOCHROME1), one frame per file.</li>
 *   <li>A single slice gets a slice spacing from Spacing Between Slices (0018,0088), else Slice
 *       Thickness (0018,0050), else 1 mm.</li>
 * </ul>
 * Transfer syntaxes: see {@link DicomFile}; compressed ones fail with an
 * {@link ImageFormatException} naming the transfer syntax UID.
 */
public final class DicomSeriesReader {
    /** Largest allowed relative deviation of a slice gap from the median gap (0.01 = 1%). */
    public static final double SPACING_TOLERANCE = 0.01;

    private static final Logger LOG = LoggerFactory.getLogger(DicomSeriesReader.class);

    private DicomSeriesReader() {
    }

    /** Reads the only series in {@code folder}. */
    public static Volume read(Path folder) throws IOException {
        return read(folder, null);
    }

    /**
     * Reads series {@code seriesUid} from {@code folder}; {@code null} requires the folder to
     * hold exactly one series.
     */
    public static Volume read(Path folder, String seriesUid) throws IOException {
        List<DicomFile> slices = selectSeries(folder, seriesUid);
        return assemble(folder, slices);
    }

    /** Series Instance UIDs in {@code folder} with their number of image files, sorted by UID. */
    public static Map<String, Integer> listSeries(Path folder) throws IOException {
        Map<String, Integer> out = new TreeMap<>();
        for (Map.Entry<String, List<DicomFile>> e : scan(folder).entrySet()) {
            out.put(e.getKey(), e.getValue().size());
        }
        return out;
    }

    /** A one-line description of the series in {@code folder} (for {@code radtab info}). */
    public static String describe(Path folder, String seriesUid) throws IOException {
        List<DicomFile> s = selectSeries(folder, seriesUid);
        DicomFile f = s.get(0);
        return "DICOM series, " + s.size() + " files, " + (f.modality == null ? "" : f.modality + ", ")
            + DicomFile.transferSyntaxName(f.transferSyntax) + " (" + f.transferSyntax + "), " + f.bitsAllocated
            + "-bit " + (f.pixelRepresentation == 1 ? "signed" : "unsigned") + ", series " + f.seriesUid;
    }

    private static List<DicomFile> selectSeries(Path folder, String seriesUid) throws IOException {
        Map<String, List<DicomFile>> series = scan(folder);
        if (series.isEmpty()) {
            throw new ImageFormatException(folder, null, "no DICOM image files in this folder");
        }
        if (seriesUid != null) {
            List<DicomFile> s = series.get(seriesUid);
            if (s == null) {
                throw new ImageFormatException(folder, "SeriesInstanceUID", "no series " + seriesUid + " here; found "
                    + summary(series));
            }
            return s;
        }
        if (series.size() > 1) {
            throw new ImageFormatException(folder, "SeriesInstanceUID", "the folder holds " + series.size()
                + " series: " + summary(series) + "; choose one with the seriesUid argument");
        }
        return series.values().iterator().next();
    }

    private static String summary(Map<String, List<DicomFile>> series) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, List<DicomFile>> e : series.entrySet()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(e.getKey().isEmpty() ? "(no SeriesInstanceUID)" : e.getKey()).append(" (")
                .append(e.getValue().size()).append(" files)");
        }
        return sb.toString();
    }

    private static Map<String, List<DicomFile>> scan(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new ImageFormatException(folder, null, "not a folder (a DICOM series is read from a folder of slices)");
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder)) {
            for (Path p : ds) {
                if (Files.isRegularFile(p) && !p.getFileName().toString().startsWith(".")) {
                    files.add(p);
                }
            }
        }
        files.sort(Comparator.comparing(p -> p.getFileName().toString()));
        Map<String, List<DicomFile>> series = new TreeMap<>();
        for (Path p : files) {
            byte[] head;
            try (InputStream in = Files.newInputStream(p)) {
                head = Streams.readUpTo(in, 132);
            }
            if (!DicomFile.looksLikeDicom(head)) {
                LOG.debug("{}: not DICOM, ignored", p);
                continue;
            }
            DicomFile d = DicomFile.parse(p, Files.readAllBytes(p));
            d.data = null; // the pixels are read again when the volume is assembled
            if (d.pixelOffset < 0) {
                LOG.debug("{}: DICOM without pixel data, ignored", p);
                continue;
            }
            series.computeIfAbsent(d.seriesUid == null ? "" : d.seriesUid, k -> new ArrayList<>()).add(d);
        }
        return series;
    }

    private static Volume assemble(Path folder, List<DicomFile> files) throws IOException {
        DicomFile first = files.get(0);
        first.requireImage();
        double[] iop = require(first, first.orientation, "ImageOrientationPatient", "(0020,0037)");
        double[] r = unit(first, Arrays.copyOfRange(iop, 0, 3), "row");
        double[] c = unit(first, Arrays.copyOfRange(iop, 3, 6), "column");
        if (Math.abs(dot(r, c)) > 1e-3) {
            throw new ImageFormatException(first.file, "ImageOrientationPatient", "row and column directions are not "
                + "orthogonal (dot product " + dot(r, c) + ")");
        }
        double[] n = cross(r, c);
        double nl = Math.sqrt(dot(n, n));
        for (int a = 0; a < 3; a++) {
            n[a] /= nl;
        }
        double[] ps = require(first, first.pixelSpacing, "PixelSpacing", "(0028,0030)");
        if (!(ps[0] > 0) || !(ps[1] > 0)) {
            throw new ImageFormatException(first.file, "PixelSpacing", "must be > 0, was " + ps[0] + "\\" + ps[1]);
        }
        int count = files.size();
        double[] d = new double[count];
        for (int k = 0; k < count; k++) {
            DicomFile f = files.get(k);
            f.requireImage();
            double[] pos = require(f, f.position, "ImagePositionPatient", "(0020,0032)");
            double[] o = require(f, f.orientation, "ImageOrientationPatient", "(0020,0037)");
            for (int a = 0; a < 6; a++) {
                if (Math.abs(o[a] - iop[a]) > 1e-4) {
                    throw new ImageFormatException(f.file, "ImageOrientationPatient", "differs from "
                        + first.file.getFileName() + " (" + fmt(o) + " vs " + fmt(iop) + "): not one stack of slices");
                }
            }
            if (f.rows != first.rows || f.columns != first.columns) {
                throw new ImageFormatException(f.file, "Rows/Columns", f.rows + " x " + f.columns + " differs from "
                    + first.file.getFileName() + " (" + first.rows + " x " + first.columns + ")");
            }
            double[] fps = require(f, f.pixelSpacing, "PixelSpacing", "(0028,0030)");
            if (Math.abs(fps[0] - ps[0]) > 1e-4 * ps[0] || Math.abs(fps[1] - ps[1]) > 1e-4 * ps[1]) {
                throw new ImageFormatException(f.file, "PixelSpacing", fmt(fps) + " differs from "
                    + first.file.getFileName() + " (" + fmt(ps) + ")");
            }
            d[k] = dot(pos, n);
        }
        Integer[] order = new Integer[count];
        for (int k = 0; k < count; k++) {
            order[k] = k;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer k) -> d[k]));
        List<DicomFile> sorted = new ArrayList<>();
        double[] ds = new double[count];
        for (int k = 0; k < count; k++) {
            sorted.add(files.get(order[k]));
            ds[k] = d[order[k]];
        }
        double spacing;
        if (count == 1) {
            spacing = first.spacingBetweenSlices != null && first.spacingBetweenSlices > 0 ? first.spacingBetweenSlices
                : first.sliceThickness != null && first.sliceThickness > 0 ? first.sliceThickness : 1.0;
        } else {
            double[] gaps = new double[count - 1];
            for (int k = 0; k + 1 < count; k++) {
                gaps[k] = ds[k + 1] - ds[k];
                if (gaps[k] < 1e-6) {
                    throw new ImageFormatException(folder, "ImagePositionPatient", "two slices at the same position "
                        + String.format(Locale.ROOT, "%.4f", ds[k]) + " mm along the normal: "
                        + sorted.get(k).file.getFileName() + " and " + sorted.get(k + 1).file.getFileName());
                }
            }
            double[] sortedGaps = gaps.clone();
            Arrays.sort(sortedGaps);
            double median = sortedGaps.length % 2 == 1 ? sortedGaps[sortedGaps.length / 2]
                : 0.5 * (sortedGaps[sortedGaps.length / 2 - 1] + sortedGaps[sortedGaps.length / 2]);
            for (int k = 0; k < gaps.length; k++) {
                if (Math.abs(gaps[k] - median) > SPACING_TOLERANCE * median) {
                    throw new ImageFormatException(folder, "ImagePositionPatient", String.format(Locale.ROOT,
                        "uneven slice spacing: %.4f mm between %s and %s, but the median gap is %.4f mm "
                            + "(tolerance %.0f%%)%s", gaps[k], sorted.get(k).file.getFileName(),
                        sorted.get(k + 1).file.getFileName(), median, 100 * SPACING_TOLERANCE,
                        gaps[k] > 1.5 * median ? "; is a slice missing?" : ""));
                }
            }
            spacing = (ds[count - 1] - ds[0]) / (count - 1);
            double[] p0 = sorted.get(0).position;
            for (int k = 1; k < count; k++) {
                double[] p = sorted.get(k).position;
                double along = ds[k] - ds[0];
                double off = 0;
                for (int a = 0; a < 3; a++) {
                    double e = p[a] - p0[a] - along * n[a];
                    off += e * e;
                }
                off = Math.sqrt(off);
                if (off > SPACING_TOLERANCE * spacing) {
                    throw new ImageFormatException(sorted.get(k).file, "ImagePositionPatient", String.format(Locale.ROOT,
                        "slice lies %.4f mm off the normal through %s: gantry tilt or a sheared stack is not supported",
                        off, sorted.get(0).file.getFileName()));
                }
            }
        }
        int nx = first.columns;
        int ny = first.rows;
        long voxels = (long) nx * ny * count;
        if (voxels > Integer.MAX_VALUE - 16) {
            throw new ImageFormatException(folder, "Rows/Columns", "series too large: " + voxels + " voxels");
        }
        double[] dir = {r[0], c[0], n[0], r[1], c[1], n[1], r[2], c[2], n[2]};
        Geometry g;
        try {
            g = new Geometry(new int[] {nx, ny, count}, new double[] {ps[1], ps[0], spacing}, sorted.get(0).position,
                dir);
        } catch (IllegalArgumentException e) {
            throw new ImageFormatException(folder, "geometry", e.getMessage(), e);
        }
        double[] data = new double[(int) voxels];
        int plane = nx * ny;
        for (int k = 0; k < count; k++) {
            Path p = sorted.get(k).file;
            DicomFile f = DicomFile.parse(p, Files.readAllBytes(p));
            double[] px = f.pixels();
            if (px.length != plane) {
                throw new ImageFormatException(p, "Rows/Columns", "changed since the folder was scanned");
            }
            System.arraycopy(px, 0, data, k * plane, plane);
        }
        LOG.debug("{}: {} slices, {}", folder, count, g);
        return Volume.wrap(g, data);
    }

    private static double[] require(DicomFile f, double[] v, String name, String tag) throws ImageFormatException {
        if (v == null) {
            throw new ImageFormatException(f.file, name, "missing " + tag + " (needed to place the slice)");
        }
        return v;
    }

    private static double[] unit(DicomFile f, double[] v, String which) throws ImageFormatException {
        double len = Math.sqrt(dot(v, v));
        if (Math.abs(len - 1) > 1e-3) {
            throw new ImageFormatException(f.file, "ImageOrientationPatient", which + " direction " + fmt(v)
                + " is not a unit vector (length " + len + ")");
        }
        return new double[] {v[0] / len, v[1] / len, v[2] / len};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static String fmt(double[] v) {
        StringBuilder sb = new StringBuilder();
        for (double x : v) {
            if (sb.length() > 0) {
                sb.append('\\');
            }
            sb.append(String.format(Locale.ROOT, "%.6g", x));
        }
        return sb.toString();
    }
}
