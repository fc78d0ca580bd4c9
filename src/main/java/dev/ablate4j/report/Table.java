package dev.ablate4j.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A text table for Markdown and PDF.
 *
 * @param header   column names
 * @param rows     cell texts, each row as long as the header
 * @param boldRows indices of rows to emphasize (e.g. the best config of an environment)
 * @param numeric  whether each column is right-aligned numbers
 */
public record Table(List<String> header, List<List<String>> rows, Set<Integer> boldRows, List<Boolean> numeric) {

    public Table {
        for (List<String> r : rows) {
            if (r.size() != header.size()) {
                throw new IllegalArgumentException("row has " + r.size() + " cells, header " + header.size());
            }
        }
    }

    /** Builds a table row by row; columns are numeric when named in {@code numericColumns}. */
    public static final class Builder {
        private final List<String> header;
        private final List<List<String>> rows = new ArrayList<>();
        private final java.util.TreeSet<Integer> bold = new java.util.TreeSet<>();
        private final List<Boolean> numeric = new ArrayList<>();

        /** Columns from index {@code firstNumeric} on are numeric. */
        public Builder(List<String> header, int firstNumeric) {
            this.header = List.copyOf(header);
            for (int i = 0; i < header.size(); i++) {
                numeric.add(i >= firstNumeric);
            }
        }

        public Builder row(List<String> cells) {
            rows.add(List.copyOf(cells));
            return this;
        }

        public Builder boldRow(List<String> cells) {
            bold.add(rows.size());
            return row(cells);
        }

        public boolean isEmpty() {
            return rows.isEmpty();
        }

        public Table build() {
            return new Table(header, List.copyOf(rows), Set.copyOf(bold), List.copyOf(numeric));
        }
    }
}
