# The ddl-lint CLI in a small JRE image.
#   mvn -B package -DskipTests && docker build -t ddl-lint .
#   docker run --rm -v "$PWD:/work" ddl-lint check db/migration --target mysql:8.0.35
# The release workflow (.github/workflows/release.yml) builds and pushes it; it is not built in this
# repository's CI (no container engine there).
FROM eclipse-temurin:17-jre-alpine

ARG VERSION=0.1.0-SNAPSHOT
LABEL org.opencontainers.image.title="ddl-lint" \
      org.opencontainers.image.description="Tells whether each MySQL/MariaDB ALTER TABLE runs online" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.version="${VERSION}"

# The self-contained CLI jar, as published: dev.ddllint:ddl-lint-cli:VERSION:jar:all
COPY cli/target/ddl-lint-cli-${VERSION}-all.jar /opt/ddl-lint/ddl-lint.jar

RUN addgroup -S ddllint && adduser -S -G ddllint ddllint
USER ddllint
WORKDIR /work
ENTRYPOINT ["java", "-jar", "/opt/ddl-lint/ddl-lint.jar"]
CMD ["--help"]
