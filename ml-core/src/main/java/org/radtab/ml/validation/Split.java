package org.radtab.ml.validation;

/**
 * Row indices of one train/test (or train/validation) split, each sorted ascending.
 *
 * @param train training rows
 * @param test  held-out rows
 */
public record Split(int[] train, int[] test) {
}
