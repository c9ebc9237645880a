package com.cspdesk.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where the product's time goes, from a JDK Flight Recorder file taken under load (jcmd
 * JFR.start / JFR.dump): CPU samples by top frame and by package, the product's own methods by
 * inclusive samples, and the time threads spent blocked on socket reads (the database) and on
 * locks.
 */
final class Profiles {

    private Profiles() {
    }

    static String summarize(Path jfr, int top) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> packages = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Duration> blocked = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(jfr)) {
            String type = event.getEventType().getName();
            RecordedStackTrace stack = event.getStackTrace();
            if (type.equals("jdk.ExecutionSample") && stack != null && !stack.getFrames().isEmpty()) {
                samples++;
                List<RecordedFrame> frames = stack.getFrames();
                String topFrame = name(frames.get(0));
                self.merge(topFrame, 1, Integer::sum);
                packages.merge(pkg(frames.get(0)), 1, Integer::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame f : frames) {
                    String n = name(f);
                    if (n.startsWith("com.cspdesk") && seen.add(n)) {
                        inclusive.merge(n, 1, Integer::sum);
                    }
                }
            } else if (type.equals("jdk.SocketRead") || type.equals("jdk.JavaMonitorEnter") || type.equals("jdk.ThreadPark")) {
                String where = stack == null ? "?" : stack.getFrames().stream().map(Profiles::name)
                        .filter(n -> n.startsWith("com.cspdesk")).findFirst().orElse("(outside the product's code)");
                blocked.merge(type.substring(4) + " in " + where, event.getDuration(), Duration::plus);
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("CPU samples: ").append(samples).append('\n');
        out.append(section("Top frames (self CPU samples)", self, samples, top));
        out.append(section("By package (self CPU samples)", packages, samples, top));
        out.append(section("The product's methods (inclusive CPU samples)", inclusive, samples, top));
        out.append("\nBlocked time (sum over threads, ms):\n");
        blocked.entrySet().stream().sorted(Map.Entry.<String, Duration>comparingByValue().reversed()).limit(top)
                .forEach(e -> out.append(String.format("  %10d  %s%n", e.getValue().toMillis(), e.getKey())));
        return out.toString();
    }

    private static String section(String title, Map<String, Integer> counts, int total, int top) {
        return "\n" + title + ":\n" + counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .map(e -> String.format("  %5.1f%%  %s", 100.0 * e.getValue() / Math.max(1, total), e.getKey()))
                .collect(Collectors.joining("\n")) + "\n";
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static String pkg(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        String[] parts = type.split("\\.");
        return parts.length <= 3 ? type : String.join(".", parts[0], parts[1], parts[2]);
    }

    public static void main(String[] args) throws IOException {
        System.out.println(summarize(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 15));
    }
}
