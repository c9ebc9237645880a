package com.cspdesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Markdown tables, printed as they fill and written to a file at the end. */
final class Report {

    private final StringBuilder text = new StringBuilder();
    private List<String[]> rows = new ArrayList<>();
    private String[] header;

    void title(String title) {
        flush();
        line("\n## " + title + "\n");
    }

    void note(String note) {
        flush();
        line(note);
    }

    void table(String... header) {
        flush();
        this.header = header;
        this.rows = new ArrayList<>();
    }

    void row(Object... cells) {
        String[] r = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            r[i] = String.valueOf(cells[i]);
        }
        rows.add(r);
        System.out.println("  | " + String.join(" | ", r) + " |");
    }

    void flush() {
        if (header == null) {
            return;
        }
        int[] widths = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            widths[i] = header[i].length();
            for (String[] r : rows) {
                if (i < r.length) {
                    widths[i] = Math.max(widths[i], r[i].length());
                }
            }
        }
        StringBuilder t = new StringBuilder();
        t.append(format(header, widths)).append('\n');
        StringBuilder sep = new StringBuilder("|");
        for (int w : widths) {
            sep.append(" ").append("-".repeat(w)).append(" |");
        }
        t.append(sep).append('\n');
        for (String[] r : rows) {
            t.append(format(r, widths)).append('\n');
        }
        header = null;
        line(t.toString());
    }

    private static String format(String[] cells, int[] widths) {
        StringBuilder s = new StringBuilder("|");
        for (int i = 0; i < widths.length; i++) {
            String c = i < cells.length ? cells[i] : "";
            boolean numeric = c.matches("[-+0-9.,% a-zA-Z/×()]*") && !c.isEmpty() && Character.isDigit(c.charAt(0));
            s.append(' ').append(numeric ? pad(c, widths[i], true) : pad(c, widths[i], false)).append(" |");
        }
        return s.toString();
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(Math.max(0, width - s.length()));
        return right ? fill + s : s + fill;
    }

    private void line(String s) {
        text.append(s).append('\n');
    }

    String text() {
        flush();
        return text.toString();
    }

    void writeTo(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text());
    }

    static String f0(double v) {
        return Double.isNaN(v) ? "n/a" : String.format("%,.0f", v);
    }

    static String f1(double v) {
        return Double.isNaN(v) ? "n/a" : String.format("%,.1f", v);
    }

    static String f2(double v) {
        return Double.isNaN(v) ? "n/a" : String.format("%.2f", v);
    }

    static String ratio(double product, double limit) {
        return limit <= 0 || Double.isNaN(product) || Double.isNaN(limit) ? "n/a" : String.format("%.2f", product / limit);
    }
}
