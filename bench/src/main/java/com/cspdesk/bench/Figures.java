package com.cspdesk.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoublePredicate;

/**
 * The numbers a run produces, by name, one value per repetition ({@code --repeat N}) or per volume
 * ({@code --volumes}): the report prints each one's median and spread, and judges a target on the median.
 */
final class Figures {

    /** A target: a figure, the unit it is printed in, and whether a value meets it. */
    record Target(String figure, String unit, DoublePredicate met) {
    }

    private final Map<String, List<Double>> values = new LinkedHashMap<>();
    private final Map<String, Target> targets = new LinkedHashMap<>();
    private final Map<String, String> details = new LinkedHashMap<>();

    void add(String name, double value) {
        values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }

    /** A figure with a target: {@code detail} (the last run's) is printed beside it. */
    void target(String target, String figure, double value, String unit, DoublePredicate met, String detail) {
        add(figure, value);
        targets.put(target, new Target(figure, unit, met));
        details.put(target, detail);
    }

    Map<String, List<Double>> all() {
        return values;
    }

    Map<String, Target> targets() {
        return targets;
    }

    String detail(String target) {
        return details.getOrDefault(target, "");
    }

    List<Double> of(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** The median of the values that are numbers; NaN when there are none. */
    static double median(List<Double> list) {
        List<Double> sorted = new ArrayList<>(list.stream().filter(v -> !Double.isNaN(v)).sorted().toList());
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static double min(List<Double> list) {
        return list.stream().filter(v -> !Double.isNaN(v)).mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    static double max(List<Double> list) {
        return list.stream().filter(v -> !Double.isNaN(v)).mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** "median (min–max)" with two decimals below 10, else none or one. */
    static String medianAndSpread(List<Double> list) {
        if (list.size() == 1) {
            return number(list.get(0));
        }
        return number(median(list)) + " (" + number(min(list)) + "–" + number(max(list)) + ")";
    }

    static String number(double v) {
        return Math.abs(v) < 10 ? Report.f2(v) : Math.abs(v) < 100 ? Report.f1(v) : Report.f0(v);
    }
}
