/**
 * The image model: {@link org.radtab.radiomics.image.Geometry} (grid, spacing, origin,
 * direction, LPS), {@link org.radtab.radiomics.image.Volume} (double intensities, ImgLib2-backed)
 * and {@link org.radtab.radiomics.image.Mask} (labels), with bounding boxes and cropping.
 */
package org.radtab.radiomics.image;
