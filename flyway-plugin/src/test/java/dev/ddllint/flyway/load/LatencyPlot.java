package dev.ddllint.flyway.load;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A PNG of a load's latencies (headless AWT): one dot per write at the time it was due, its latency on a log
 * scale (blue acknowledged, red failed), reads in green, the spans (migrations, held transactions) shaded and
 * named, and a dashed line at 1 s.
 */
public final class LatencyPlot {

    private static final int WIDTH = 1100;
    private static final int HEIGHT = 440;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;
    private static final Color[] SPAN_COLORS = {new Color(255, 200, 120, 90), new Color(180, 160, 255, 90),
            new Color(140, 220, 200, 90), new Color(255, 160, 200, 90)};

    private LatencyPlot() {
    }

    /** Draws the figures into {@code file} (its folder is created). */
    public static Path write(LoadFigures f, String title, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            draw(g, f, title);
        } finally {
            g.dispose();
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    private static void draw(Graphics2D g, LoadFigures f, String title) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        double seconds = Math.max(1, f.durationSeconds());
        double maxMs = Math.max(1000, Math.max(f.maxWriteLatencyMillis(), f.readLatencyMillis(1)));
        double decades = Math.ceil(Math.log10(maxMs)) + 1; // from 0.1 ms
        Axis axis = new Axis(seconds, decades);

        // Spans, shaded, with their names stacked at the top.
        List<LoadFigures.Span> spans = f.spans();
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int i = 0; i < spans.size(); i++) {
            LoadFigures.Span s = spans.get(i);
            int x0 = axis.x(f.seconds(s.fromNanos()));
            int x1 = Math.max(x0 + 2, axis.x(f.seconds(s.toNanos())));
            g.setColor(SPAN_COLORS[i % SPAN_COLORS.length]);
            g.fillRect(x0, TOP, x1 - x0, HEIGHT - TOP - BOTTOM);
            g.setColor(Color.DARK_GRAY);
            g.drawString(s.label(), x0 + 3, TOP + 13 + 14 * (i % 4));
        }

        // Grid: decades of latency, seconds of time.
        g.setColor(new Color(225, 225, 225));
        for (int d = 0; d <= decades; d++) {
            int y = axis.y(0.1 * Math.pow(10, d));
            g.drawLine(LEFT, y, WIDTH - RIGHT, y);
        }
        g.setColor(Color.BLACK);
        g.drawRect(LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM);
        for (int d = 0; d <= decades; d++) {
            double ms = 0.1 * Math.pow(10, d);
            String label = ms >= 1000 ? String.format(Locale.ROOT, "%.0f s", ms / 1000)
                    : ms >= 1 ? String.format(Locale.ROOT, "%.0f ms", ms) : "0.1 ms";
            g.drawString(label, 8, axis.y(ms) + 4);
        }
        double step = niceStep(seconds);
        for (double t = 0; t <= seconds + 1e-9; t += step) {
            int x = axis.x(t);
            g.drawLine(x, HEIGHT - BOTTOM, x, HEIGHT - BOTTOM + 4);
            g.drawString(String.format(Locale.ROOT, step < 1 ? "%.1f" : "%.0f", t), x - 8, HEIGHT - BOTTOM + 17);
        }
        g.drawString("time since the load started (s); latency of each operation from when it was due (log)",
                LEFT, HEIGHT - 12);

        // 1 s line.
        g.setColor(new Color(200, 0, 0));
        g.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[]{6, 4}, 0));
        g.drawLine(LEFT, axis.y(1000), WIDTH - RIGHT, axis.y(1000));
        g.setStroke(new BasicStroke(1));

        Color read = new Color(40, 160, 60, 70);
        Color ok = new Color(30, 80, 200, 90);
        Color failed = new Color(220, 20, 20);
        for (LoadFigures.Op o : f.readOps()) {
            dot(g, axis, f, o, read, 2);
        }
        for (LoadFigures.Op o : f.writeOps()) {
            dot(g, axis, f, o, o.ok() ? ok : failed, o.ok() ? 2 : 4);
        }

        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(title, LEFT, 18);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString(String.format(Locale.ROOT, "%,d writes (%,d failed), max %.0f ms, longest gap %.2f s;"
                        + "  blue: write, red: failed write, green: read", f.writes(), f.writesFailed(),
                f.maxWriteLatencyMillis(), f.longestWriteGapSeconds()), LEFT, 33);
    }

    private static void dot(Graphics2D g, Axis axis, LoadFigures f, LoadFigures.Op o, Color c, int r) {
        g.setColor(c);
        g.fillRect(axis.x(f.seconds(o.due())) - r / 2, axis.y(Math.max(0.1, o.latency() / 1e6)) - r / 2, r, r);
    }

    private static double niceStep(double seconds) {
        for (double s : new double[]{0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300}) {
            if (seconds / s <= 12) {
                return s;
            }
        }
        return 600;
    }

    /** Seconds to x, milliseconds (log) to y. */
    private record Axis(double seconds, double decades) {
        int x(double t) {
            return LEFT + (int) Math.round(t / seconds * (WIDTH - LEFT - RIGHT));
        }

        int y(double ms) {
            double d = Math.log10(ms / 0.1);
            return HEIGHT - BOTTOM - (int) Math.round(Math.min(decades, Math.max(0, d)) / decades
                    * (HEIGHT - TOP - BOTTOM));
        }
    }
}
