package org.radtab.models.tabnet.nn;

import java.util.Arrays;
import java.util.Random;

/**
 * Categorical embeddings in front of the TabNet encoder (PyTorch-TabNet's
 * {@code EmbeddingGenerator}). Input columns keep their order; a continuous column passes
 * through as one column, a categorical column with cardinality c and embedding width e is
 * replaced by the e values of row {@code code} of its c x e embedding table (code = the cell
 * value, an integer in [0, c)). Tables start N(0, 1), like {@code torch.nn.Embedding}.
 *
 * <p>{@link #groupOf(int)} maps each post-embedding column back to its input column, which is
 * how masks and importances are summed back to the original features.
 */
public final class Embedding {
    private final int inputDim;
    private final int postDim;
    private final int[] catIndexOfColumn; // -1 for continuous
    private final int[] cardinality;      // per categorical column (in column order)
    private final int[] embDim;
    private final Tensor[] tables;
    private final int[] start;            // first post column of each input column
    private final int[] group;            // post column -> input column

    private double[] xRaw; // not owned
    private int n;
    private double[] out;

    /**
     * @param inputDim    number of input columns
     * @param catColumns  indices of categorical columns (strictly increasing)
     * @param cardinality number of categories per categorical column
     * @param embDims     embedding width per categorical column
     */
    public Embedding(int inputDim, int[] catColumns, int[] cardinality, int[] embDims, Random initRng) {
        if (catColumns.length != cardinality.length || catColumns.length != embDims.length) {
            throw new IllegalArgumentException("categorical columns, cardinalities and embedding widths differ in length");
        }
        this.inputDim = inputDim;
        this.catIndexOfColumn = new int[inputDim];
        Arrays.fill(catIndexOfColumn, -1);
        for (int c = 0; c < catColumns.length; c++) {
            int col = catColumns[c];
            if (col < 0 || col >= inputDim || (c > 0 && col <= catColumns[c - 1])) {
                throw new IllegalArgumentException("categorical column indices must be increasing and in range: "
                    + Arrays.toString(catColumns));
            }
            if (cardinality[c] < 1 || embDims[c] < 1) {
                throw new IllegalArgumentException("categorical column " + col + ": cardinality and embedding width must be >= 1");
            }
            catIndexOfColumn[col] = c;
        }
        this.cardinality = cardinality.clone();
        this.embDim = embDims.clone();
        this.tables = new Tensor[catColumns.length];
        for (int c = 0; c < catColumns.length; c++) {
            tables[c] = Tensor.parameter("embedding." + catColumns[c] + ".weight", cardinality[c], embDims[c]);
            for (int k = 0; k < tables[c].data.length; k++) {
                tables[c].data[k] = initRng.nextGaussian();
            }
        }
        this.start = new int[inputDim];
        int p = 0;
        for (int j = 0; j < inputDim; j++) {
            start[j] = p;
            p += catIndexOfColumn[j] < 0 ? 1 : embDim[catIndexOfColumn[j]];
        }
        this.postDim = p;
        this.group = new int[postDim];
        for (int j = 0; j < inputDim; j++) {
            int w = catIndexOfColumn[j] < 0 ? 1 : embDim[catIndexOfColumn[j]];
            for (int k = 0; k < w; k++) {
                group[start[j] + k] = j;
            }
        }
    }

    public int inputDim() {
        return inputDim;
    }

    public int postDim() {
        return postDim;
    }

    /** Input column of post-embedding column {@code p}. */
    public int groupOf(int p) {
        return group[p];
    }

    /** The embedding tables, in column order. */
    public Tensor[] tables() {
        return tables.clone();
    }

    /** True when no column is categorical (the layer is then the identity). */
    public boolean isIdentity() {
        return tables.length == 0;
    }

    /** Embedded rows (n x postDim); the input itself when no column is categorical. */
    public double[] forward(double[] x, int n) {
        this.xRaw = x;
        this.n = n;
        if (isIdentity()) {
            return x;
        }
        out = MatOps.ensure(out, n * postDim);
        for (int i = 0; i < n; i++) {
            int xo = i * inputDim;
            int oo = i * postDim;
            for (int j = 0; j < inputDim; j++) {
                int c = catIndexOfColumn[j];
                if (c < 0) {
                    out[oo + start[j]] = x[xo + j];
                } else {
                    int code = code(x[xo + j], j, c);
                    System.arraycopy(tables[c].data, code * embDim[c], out, oo + start[j], embDim[c]);
                }
            }
        }
        return out;
    }

    /** Accumulates the table gradients from the gradient of the embedded rows. */
    public void backward(double[] dOut) {
        if (isIdentity()) {
            return;
        }
        for (int i = 0; i < n; i++) {
            int xo = i * inputDim;
            int oo = i * postDim;
            for (int j = 0; j < inputDim; j++) {
                int c = catIndexOfColumn[j];
                if (c >= 0) {
                    int code = code(xRaw[xo + j], j, c);
                    double[] g = tables[c].grad;
                    int go = code * embDim[c];
                    for (int k = 0; k < embDim[c]; k++) {
                        g[go + k] += dOut[oo + start[j] + k];
                    }
                }
            }
        }
    }

    private int code(double v, int column, int c) {
        int code = (int) v;
        if (code != v || code < 0 || code >= cardinality[c]) {
            throw new IllegalArgumentException("categorical column " + column + ": value " + v
                + " is not a category code in [0, " + cardinality[c] + ")");
        }
        return code;
    }
}
