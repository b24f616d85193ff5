import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/ddl-lint/ddl-lint.json'))
def names = report.files*.path.collect { it.substring(it.lastIndexOf('/') + 1) }
assert names.take(4) == ['V1__create_orders.sql', 'V2__safe_changes.sql', 'V3__widen_amount.sql', 'V4__reporting.sql']
def errors = report.findings.findAll { it.severity == 'error' }
// The safe ones stay safe, the unsafe ones are caught.
assert !errors.any { it.path.endsWith('V1__create_orders.sql') || it.path.endsWith('V2__safe_changes.sql') }
assert errors.any { it.path.endsWith('V3__widen_amount.sql') && it.rule == 'column-type-change' }
assert errors.any { it.path.endsWith('V4__reporting.sql') }
assert new File(basedir, 'build.log').text.contains("What to do next:")
return true
