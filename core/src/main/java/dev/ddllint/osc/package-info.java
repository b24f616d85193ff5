/**
 * The shadow-table path for a change the gate blocks: pt-online-schema-change's preconditions read from the live
 * server ({@link dev.ddllint.osc.OscPreconditions}), its command built as an argument list
 * ({@link dev.ddllint.osc.PtOscCommand}) and run with the password in a private option file
 * ({@link dev.ddllint.osc.PtOscRunner}); gh-ost's and Spirit's commands only generated
 * ({@link dev.ddllint.osc.ShadowToolCommands}).
 */
package dev.ddllint.osc;
