package org.radtab.radiomics.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.radtab.radiomics.image.Mask;
import org.radtab.radiomics.image.Volume;

/** Reads an image or mask by file name: {@code .nii}, {@code .nii.gz}, {@code .nrrd}, {@code .nhdr}. */
public final class ImageIO {
    private ImageIO() {
    }

    public static Volume readVolume(Path path) throws IOException {
        switch (format(path)) {
            case NIFTI: return NiftiReader.readVolume(path);
            case NRRD: return NrrdReader.readVolume(path);
            default: throw unknown(path);
        }
    }

    public static Mask readMask(Path path) throws IOException {
        switch (format(path)) {
            case NIFTI: return NiftiReader.readMask(path);
            case NRRD: return NrrdReader.readMask(path);
            default: throw unknown(path);
        }
    }

    enum Format { NIFTI, NRRD, UNKNOWN }

    static Format format(Path path) {
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
        String what = Files.isDirectory(path) ? "is a folder (DICOM series are read with DicomSeriesReader)"
            : "unknown file type (expected .nii, .nii.gz, .nrrd or .nhdr)";
        return new ImageFormatException(path, null, what);
    }
}
