package org.radtab.radiomics.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.GeometryMismatchException;
import org.radtab.radiomics.image.Mask;
import org.radtab.radiomics.image.Volume;

/**
 * Reads and writes images and masks by file name: {@code .nii}, {@code .nii.gz}
 * ({@link NiftiReader}, {@link NiftiWriter}), {@code .nrrd}, {@code .nhdr}, {@code .seg.nrrd}
 * ({@link NrrdReader}, {@link NrrdWriter}), and a folder of DICOM slices
 * ({@link DicomSeriesReader}, read only).
 */
public final class ImageIO {
    private ImageIO() {
    }

    /** An image and its mask, checked to lie on the same voxel grid. */
    public record ImageAndMask(Volume image, Mask mask) {
    }

    /** The file formats RadTab recognises by name. */
    public enum Format { NIFTI, NRRD, DICOM_FOLDER, UNKNOWN }

    public static Volume readVolume(Path path) throws IOException {
        switch (format(path)) {
            case NIFTI: return NiftiReader.readVolume(path);
            case NRRD: return NrrdReader.readVolume(path);
            case DICOM_FOLDER: return DicomSeriesReader.read(path);
            default: throw unknown(path);
        }
    }

    /**
     * The pixel type of an image file as SimpleITK would load it ({@code int16}, {@code short},
     * {@code float32}, ...; see {@link org.radtab.radiomics.preprocess.OutputCast#forPixelType}).
     * DICOM series are reported as {@code float64} (RadTab applies the rescale in double).
     */
    public static String storedPixelType(Path path) throws IOException {
        switch (format(path)) {
            case NIFTI: return NiftiReader.storedPixelType(path);
            case NRRD: return NrrdReader.storedPixelType(path);
            case DICOM_FOLDER: return "float64";
            default: throw unknown(path);
        }
    }

    public static Mask readMask(Path path) throws IOException {
        switch (format(path)) {
            case NIFTI: return NiftiReader.readMask(path);
            case NRRD: return NrrdReader.readMask(path);
            case DICOM_FOLDER:
                throw new ImageFormatException(path, null, "a DICOM image series is not a mask (DICOM SEG/RTSTRUCT are "
                    + "not supported yet; export the mask as .nii.gz or .seg.nrrd)");
            default: throw unknown(path);
        }
    }

    /**
     * Reads an image and its mask and checks that they share one voxel grid (size exactly;
     * spacing, origin and direction within {@link Geometry#DEFAULT_TOLERANCE}).
     *
     * @throws GeometryMismatchException naming both files and the first differing field
     */
    public static ImageAndMask readImageAndMask(Path image, Path mask) throws IOException {
        Volume v = readVolume(image);
        Mask m = readMask(mask);
        try {
            m.geometry().requireSameGrid(v.geometry(), Geometry.DEFAULT_TOLERANCE);
        } catch (GeometryMismatchException e) {
            throw new GeometryMismatchException("mask " + mask + " does not lie on the grid of image " + image + ": "
                + e.getMessage());
        }
        return new ImageAndMask(v, m);
    }

    /**
     * Writes {@code volume} by file name ({@code .nii}, {@code .nii.gz}, {@code .nrrd},
     * {@code .nhdr}) as {@code type}; NRRD data is gzip-encoded.
     */
    public static void writeVolume(Volume volume, Path path, VoxelType type) throws IOException {
        switch (format(path)) {
            case NIFTI: NiftiWriter.write(volume, path, type); break;
            case NRRD: NrrdWriter.write(volume, path, type, NrrdWriter.Encoding.GZIP); break;
            default: throw unknownForWriting(path);
        }
    }

    /** Writes {@code volume} with the smallest type that holds every value exactly. */
    public static void writeVolume(Volume volume, Path path) throws IOException {
        writeVolume(volume, path, VoxelType.smallestExact(volume.data()));
    }

    /** Writes a mask by file name; {@code .seg.nrrd} writes a 3D Slicer segmentation with segment names. */
    public static void writeMask(Mask mask, Path path) throws IOException {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        switch (format(path)) {
            case NIFTI: NiftiWriter.writeMask(mask, path); break;
            case NRRD:
                if (name.endsWith(".seg.nrrd")) {
                    NrrdWriter.writeSegmentation(mask, path);
                } else {
                    NrrdWriter.writeMask(mask, path);
                }
                break;
            default: throw unknownForWriting(path);
        }
    }

    /** A one-line description of the file's format and storage (datatype, compression, transform). */
    public static String describe(Path path) throws IOException {
        switch (format(path)) {
            case NIFTI: return NiftiReader.describe(path);
            case NRRD: return NrrdReader.describe(path);
            case DICOM_FOLDER: return DicomSeriesReader.describe(path, null);
            default: throw unknown(path);
        }
    }

    /** The format implied by the name (a folder is a DICOM series). */
    public static Format format(Path path) {
        if (Files.isDirectory(path)) {
            return Format.DICOM_FOLDER;
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".nii") || name.endsWith(".nii.gz")) {
            return Format.NIFTI;
        }
        if (name.endsWith(".nrrd") || name.endsWith(".nhdr")) {
            return Format.NRRD;
        }
        return Format.UNKNOWN;
    }

    private static ImageFormatException unknown(Path path) {
        if (!Files.exists(path)) {
            return new ImageFormatException(path, null, "no such file or folder");
        }
        return new ImageFormatException(path, null, "unknown file type (expected .nii, .nii.gz, .nrrd, .nhdr or a "
            + "folder of DICOM slices)");
    }

    private static ImageFormatException unknownForWriting(Path path) {
        return new ImageFormatException(path, null, "cannot write this file type (expected .nii, .nii.gz, .nrrd, "
            + ".seg.nrrd or .nhdr)");
    }
}
