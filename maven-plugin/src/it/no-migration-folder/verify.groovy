def log = new File(basedir, 'build.log').text
assert log.contains('ddl-lint: no migration folder, nothing to check (looked for the default location: '
        + 'src/main/resources/db/migration)')
assert !new File(basedir, 'target/ddl-lint').exists()
return true
