package org.radtab.radiomics.image;

/** Two images that must share a voxel grid do not; the message names the differing field. */
public class GeometryMismatchException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public GeometryMismatchException(String message) {
        super(message);
    }
}
