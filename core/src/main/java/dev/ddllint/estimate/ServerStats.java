package dev.ddllint.estimate;

/**
 * What one source says about the server the ALTERs run on.
 *
 * @param source                 "live …" or "snapshot …"
 * @param version                {@code SELECT VERSION()}, or null
 * @param onlineAlterLogMaxSize  {@code innodb_online_alter_log_max_size}, bytes, or null
 * @param sortBufferSize         {@code innodb_sort_buffer_size}, bytes (one row-log block), or null
 * @param connection             host, port and schema, for the gh-ost / pt-online-schema-change commands; or null
 */
public record ServerStats(String source, String version, Long onlineAlterLogMaxSize, Long sortBufferSize,
                          ConnectionHint connection) {
}
