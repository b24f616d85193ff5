import groovy.json.JsonSlurper

def migration = 'src/main/resources/db/migration/V2__widen_amount.sql'
def log = new File(basedir, 'build.log').text
// The log names the rule and the place, and says what to do next.
assert log.contains("[ERROR] ${migration}:2:1: error[column-type-change]")
assert log.contains('ddl-lint: 1 finding at or above failOn=error (column-type-change)')
assert log.contains("'mvn ddl-lint:baseline'")
assert log.contains('rules: {column-type-change: warning}')
// The GitHub workflow command is on its own line, without a log prefix.
assert log.readLines().any { it.startsWith("::error file=${migration},line=2,col=1,endLine=2,") }

def dir = new File(basedir, 'target/ddl-lint')
def json = new JsonSlurper().parse(new File(dir, 'ddl-lint.json'))
assert json.findings.size() == 1
assert json.findings[0].rule == 'column-type-change'
assert json.findings[0].severity == 'error'
assert json.findings[0].path == migration
assert json.findings[0].line == 2

def sarif = new JsonSlurper().parse(new File(dir, 'ddl-lint.sarif'))
assert sarif.version == '2.1.0'
def result = sarif.runs[0].results[0]
assert result.ruleId == 'column-type-change'
assert result.level == 'error'
assert result.locations[0].physicalLocation.artifactLocation.uri == migration
assert result.locations[0].physicalLocation.region.startLine == 2
assert sarif.runs[0].tool.driver.rules[result.ruleIndex].helpUri.endsWith('docs/rules/column-type-change.md')

def junit = new groovy.xml.XmlSlurper().parse(new File(dir, 'ddl-lint-junit.xml'))
assert junit.@failures.text() == '1'
def failure = junit.testsuite.testcase.failure
assert failure.size() == 1
assert failure.@type.text() == 'column-type-change'

assert new File(dir, 'ddl-lint-github.txt').text.startsWith("::error file=${migration},line=2")
assert new File(dir, 'ddl-lint.txt').text.contains('error[column-type-change]')
return true
