package dev.ddllint.estimate;

import dev.ddllint.live.Sizes;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading and writing the quantities of an estimate: sizes ({@code 200GB}, {@code 128MiB}, {@code 64M}), counts
 * ({@code 50M}, {@code 1.5k}), rates ({@code 500/s}) and durations ({@code 10m}, {@code 1h}, {@code 600}).
 *
 * <p>Size units: {@code KB MB GB TB} are decimal (powers of 1000), {@code KiB MiB GiB TiB} binary, and MySQL's
 * {@code K M G T} binary too, as in {@code my.cnf}. A plain number is bytes.
 */
public final class Units {

    private static final Pattern NUMBER_UNIT = Pattern.compile("^\\s*([0-9]+(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)\\s*"
            + "([A-Za-z]*)\\s*$");

    private Units() {
    }

    /** {@code 200GB} → 2e11; {@code 128MiB} → 134217728; {@code 64M} → 67108864; {@code 4096} → 4096. */
    public static double parseSize(String text) {
        String t = text.trim();
        if (t.endsWith("/s")) {
            t = t.substring(0, t.length() - 2);
        }
        Matcher m = NUMBER_UNIT.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size (e.g. 4096, 64KiB, 200GB, 128MiB, 1M)");
        }
        double v = Double.parseDouble(m.group(1));
        double factor = switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "", "B" -> 1;
            case "KB" -> 1e3;
            case "MB" -> 1e6;
            case "GB" -> 1e9;
            case "TB" -> 1e12;
            case "K", "KIB" -> 1024d;
            case "M", "MIB" -> 1024d * 1024;
            case "G", "GIB" -> 1024d * 1024 * 1024;
            case "T", "TIB" -> 1024d * 1024 * 1024 * 1024;
            default -> throw new IllegalArgumentException("'" + text + "': unknown size unit '" + m.group(2)
                    + "' (use B, KB, MB, GB, TB, KiB, MiB, GiB, TiB, or K, M, G, T as in my.cnf)");
        };
        return v * factor;
    }

    /** {@code 50M} → 5e7, {@code 1.5k} → 1500, {@code 1e9} → 1e9 (decimal suffixes k, M, G). */
    public static double parseCount(String text) {
        String t = text.trim().replace("_", "").replace(",", "");
        t = t.endsWith("/s") ? t.substring(0, t.length() - 2) : t;
        Matcher m = NUMBER_UNIT.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a number (e.g. 1500, 1.5k, 50M)");
        }
        double v = Double.parseDouble(m.group(1));
        return v * switch (m.group(2)) {
            case "" -> 1;
            case "k", "K" -> 1e3;
            case "M" -> 1e6;
            case "G", "B" -> 1e9;
            default -> throw new IllegalArgumentException("'" + text + "': unknown suffix '" + m.group(2)
                    + "' (use k, M or G)");
        };
    }

    /** {@code 600} and {@code 600s} → 600; {@code 10m} → 600; {@code 1h} → 3600; {@code 1.5h} → 5400. */
    public static double parseSeconds(String text) {
        Matcher m = NUMBER_UNIT.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (e.g. 600, 90s, 10m, 2h)");
        }
        double v = Double.parseDouble(m.group(1));
        return v * switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "", "s", "sec" -> 1;
            case "m", "min" -> 60;
            case "h" -> 3600;
            case "d" -> 86400;
            default -> throw new IllegalArgumentException("'" + text + "': unknown unit '" + m.group(2)
                    + "' (use s, m, h or d)");
        };
    }

    /** Bytes for people, binary units: {@code 1.9 GiB}. */
    public static String bytes(double bytes) {
        return Sizes.bytes(Math.round(bytes));
    }

    /** Bytes per second for people: {@code 398.9 KiB/s}. */
    public static String rate(double bytesPerSecond) {
        return bytes(bytesPerSecond) + "/s";
    }

    /** {@code 5000} → {@code 5,000 s (1 h 23 min)}; {@code 42.4} → {@code 42 s}; {@code 0.4} → {@code 0.4 s}. */
    public static String seconds(double s) {
        if (s < 10) {
            return String.format(Locale.ROOT, "%.1f s", s);
        }
        long total = Math.round(s);
        String plain = String.format(Locale.ROOT, "%,d s", total);
        if (total < 120) {
            return plain;
        }
        long h = total / 3600;
        long min = (total % 3600 + 30) / 60;
        if (min == 60) {
            h++;
            min = 0;
        }
        return plain + " (" + (h > 0 ? h + " h " : "") + min + " min)";
    }

    /** A per-second count: {@code 1,500/s}, {@code 2.5/s}, {@code 0.03/s}. */
    public static String perSecond(double v) {
        if (v >= 100) {
            return String.format(Locale.ROOT, "%,d/s", Math.round(v));
        }
        if (v >= 1) {
            return String.format(Locale.ROOT, "%.1f/s", v).replace(".0/s", "/s");
        }
        return String.format(Locale.ROOT, "%.3f/s", v).replaceAll("0+/s$", "/s").replace("./s", "/s");
    }

    /** Plain figure with thousands separators: {@code 1,234,567}. */
    public static String count(double v) {
        return String.format(Locale.ROOT, "%,d", Math.round(v));
    }

    /** {@code 1.5}, {@code 16}, {@code 1.82}. */
    public static String factor(double v) {
        if (v >= 10) {
            return String.format(Locale.ROOT, "%,d", Math.round(v));
        }
        return String.format(Locale.ROOT, "%.2f", v).replaceAll("\\.?0+$", "");
    }
}
