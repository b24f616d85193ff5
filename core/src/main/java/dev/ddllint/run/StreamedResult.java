package dev.ddllint.run;

/**
 * What a streamed {@link LintRun} leaves once every file went to the sink: the counts of what was reported (after
 * {@code since} and the baseline) and the exit decision, without the files and findings themselves.
 *
 * @param files      the files reported
 * @param statements their statements
 * @param fails      a reported finding is at or above {@code failOn}
 * @param since      what {@code since} left in, or null when it was not set
 * @param baseline   what the baseline took out, or null when no baseline file was read
 */
public record StreamedResult(int files, int statements, long errors, long warnings, long infos, boolean fails,
                             LintResult.Since since, LintResult.BaselineUse baseline) {

    /** The same exit codes as {@link LintResult#exitCode()}. */
    public int exitCode() {
        return fails ? LintResult.EXIT_FINDINGS : LintResult.EXIT_OK;
    }
}
