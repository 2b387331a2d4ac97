package org.radtab.imbalance;

/** Resampling is impossible for this input (too few samples, one class, nothing to generate, ...). */
public class ResamplingException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ResamplingException(String message) {
        super(message);
    }
}
