package dev.ddllint.fuzz;

import java.util.Arrays;
import java.util.function.Predicate;

/**
 * Makes a failing input smaller while it still fails the same way: removes ever smaller chunks of bytes (the
 * {@code ddmin} idea, without its full search), within a budget of attempts, so that shrinking stays cheap.
 */
final class InputShrinker {

    private InputShrinker() {
    }

    static byte[] shrink(byte[] input, Predicate<byte[]> stillFails, int maxAttempts) {
        byte[] best = input;
        int attempts = 0;
        int chunk = Math.max(1, best.length / 2);
        while (chunk >= 1 && attempts < maxAttempts) {
            boolean removed = false;
            for (int from = 0; from < best.length && attempts < maxAttempts; ) {
                int to = Math.min(best.length, from + chunk);
                byte[] candidate = new byte[best.length - (to - from)];
                System.arraycopy(best, 0, candidate, 0, from);
                System.arraycopy(best, to, candidate, from, best.length - to);
                attempts++;
                if (candidate.length > 0 && stillFails.test(candidate)) {
                    best = candidate;
                    removed = true;
                } else {
                    from = to;
                }
            }
            if (!removed) {
                if (chunk == 1) {
                    break;
                }
                chunk = chunk / 2;
            }
        }
        return Arrays.copyOf(best, best.length);
    }
}
