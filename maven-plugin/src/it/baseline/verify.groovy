import groovy.json.JsonSlurper

def baseline = new JsonSlurper().parse(new File(basedir, 'ddl-lint-baseline.json'))
assert baseline.ddlLintBaseline == 1
assert baseline.findings.size() == 1
assert baseline.findings[0].rule == 'column-type-change'
assert baseline.findings[0].path == 'src/main/resources/db/migration/V2__widen_amount.sql'
assert baseline.findings[0].fingerprint ==~ /[0-9a-f]{16}/

// With the baseline, the known finding is not reported...
assert new JsonSlurper().parse(new File(basedir, 'target/known/ddl-lint.json')).findings.isEmpty()
// ...and the new one is.
def fresh = new JsonSlurper().parse(new File(basedir, 'target/new/ddl-lint.json'))
assert fresh.findings*.rule == ['primary-key-drop']
assert fresh.findings[0].path == 'new/V3__drop_pk.sql'

def log = new File(basedir, 'build.log').text
assert log.contains('ddl-lint: wrote ddl-lint-baseline.json with 1 known finding')
assert log.contains('1 known finding not reported')
return true
