package dev.ddllint.estimate;

/**
 * One input of an estimate with where it came from, so the working can say "D = 60 MiB [live: information_schema]".
 */
public record Input(double value, String source) {

    public static Input of(double value, String source) {
        return new Input(value, source);
    }
}
