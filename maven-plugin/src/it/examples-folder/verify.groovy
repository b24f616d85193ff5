import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/ddl-lint/ddl-lint.json'))
def names = report.files*.path.collect { it.substring(it.lastIndexOf('/') + 1) }
assert names.take(4) == ['V1__create_orders.sql', 'V2__safe_changes.sql', 'V3__widen_amount.sql', 'V4__reporting.sql']
def errors = report.findings.findAll { it.severity == 'error' }
// The safe ones stay safe, the unsafe ones are caught.
assert !errors.any { it.path.endsWith('V1__create_orders.sql') || it.path.endsWith('V2__safe_changes.sql') }
assert errors.any { it.path.endsWith('V3__widen_amount.sql') && it.rule == 'column-type-change' }
assert errors.any { it.path.endsWith('V4__reporting.sql') }
// V5's type change is allowed by its ddl-lint:ignore comment: reported as info, with the reason.
assert !errors.any { it.path.endsWith('V5__currency_names.sql') }
assert report.findings.any { it.path.endsWith('V5__currency_names.sql') && it.severity == 'info' &&
        it.rule == 'column-type-change' && it.message.contains('currencies has 180 rows') }
assert new File(basedir, 'build.log').text.contains("What to do next:")
return true
