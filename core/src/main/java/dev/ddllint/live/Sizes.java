package dev.ddllint.live;

import java.util.Locale;

/** Human-readable sizes and counts for the live-facts messages. */
public final class Sizes {

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

    private Sizes() {
    }

    /** {@code 134217728} → {@code 128 MiB}; {@code 1536} → {@code 1.5 KiB}; null → {@code unknown}. */
    public static String bytes(Long bytes) {
        if (bytes == null) {
            return "unknown";
        }
        double v = bytes;
        int unit = 0;
        while (Math.abs(v) >= 1024 && unit < UNITS.length - 1) {
            v /= 1024;
            unit++;
        }
        if (unit == 0 || v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%d %s", Math.round(v), UNITS[unit]);
        }
        return String.format(Locale.ROOT, "%.1f %s", v, UNITS[unit]);
    }

    /** {@code 1234567} → {@code 1,234,567}. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
