package org.radtab.selection;

/**
 * The input cannot be processed by a feature-selection step (mismatched reader tables, a
 * constant column where variation is required, too few rows, ...). The message names the
 * column, case id or step concerned.
 */
public class SelectionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public SelectionException(String message) {
        super(message);
    }
}
