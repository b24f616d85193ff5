import groovy.json.JsonSlurper

def report = { String run -> new JsonSlurper().parse(new File(basedir, "target/${run}/ddl-lint.json")) }
def alter = { r -> r.files.find { it.path.endsWith('V2__add_column_after.sql') }.statements[0] }

def old = report('run-8.0.28')
assert old.target == 'mysql:8.0.28'
assert alter(old).verdict.algorithm == 'INPLACE'
assert alter(old).verdict.rebuildsTable == true
assert old.findings*.rule == ['table-rebuild']

def newer = report('run-8.0.29')
assert newer.target == 'mysql:8.0.29'
assert alter(newer).verdict.algorithm == 'INSTANT'
assert alter(newer).verdict.rebuildsTable == false
assert newer.findings.isEmpty()
return true
