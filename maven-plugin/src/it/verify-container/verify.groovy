def log = new File(basedir, 'build.log').text
assert !log.contains('needs dev.ddllint:ddl-lint-testcontainers') : 'the plugin does not carry the provider'
assert !log.contains('No suitable driver')
if (log.contains('ddl-lint: verify: starting mysql:8.4.3 with Testcontainers')) {
    // Docker runs here: the container was the scratch server, and the finding failed the build
    assert log.contains('statements checked on MySQL 8.4.3')
    assert log.contains('column-type-change')
    def report = new File(basedir, 'target/ddl-lint/ddl-lint.json').text
    assert report.contains('"verification"')
} else {
    assert log.contains('ddl-lint: verify: scratch URL testcontainers:mysql:8.4.3 starts the server in a container, but there is no Docker here (')
    assert log.contains('docker run -d --rm -e MYSQL_ROOT_PASSWORD=scratch -p 127.0.0.1:3306:3306 mysql:8.4.3')
    assert !new File(basedir, 'target/ddl-lint').exists() : 'nothing was checked'
}
return true
