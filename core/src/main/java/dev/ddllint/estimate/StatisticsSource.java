package dev.ddllint.estimate;

import dev.ddllint.model.TableName;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where table statistics come from besides the migrations: a live server (read-only) or a committed snapshot.
 * Asked once per analysis, for the tables the migrations mention.
 */
public interface StatisticsSource {

    StatisticsSource NONE = new StatisticsSource() {
        @Override
        public Optional<ServerStats> server() {
            return Optional.empty();
        }

        @Override
        public List<TableStats> tables(Collection<TableName> tables) {
            return List.of();
        }

        @Override
        public String describe() {
            return "none";
        }
    };

    /** The server's limits, when this source knows them. */
    Optional<ServerStats> server() throws Exception;

    /** Statistics of those of the given tables this source knows (unknown ones are simply absent). */
    List<TableStats> tables(Collection<TableName> tables) throws Exception;

    /** One phrase for messages: "live server db1:3306", "snapshot ddl-lint-stats.json (2025-06-01T10:00:00Z)". */
    String describe();
}
