import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// The execution without a phase ran in verify (its id is "default").
assert log.contains(':check (default) @ clean-migrations-pass')
assert log.contains('ddl-lint: 2 files, 6 statements checked for MySQL 8.4.0: 0 errors, 0 warnings, 0 info')

// Default formats: text and json.
def dir = new File(basedir, 'target/ddl-lint')
assert new File(dir, 'ddl-lint.txt').isFile()
def report = new JsonSlurper().parse(new File(dir, 'ddl-lint.json'))
assert report.files*.path == ['src/main/resources/db/migration/V1__create.sql',
                              'src/main/resources/db/migration/V2__safe.sql']
assert report.findings.isEmpty()
assert report.files[1].statements.find { it.kind == 'ALTER_TABLE' && it.verdict.algorithm == 'INSTANT' }
return true
