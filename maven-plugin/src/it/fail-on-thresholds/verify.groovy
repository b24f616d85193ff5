import groovy.json.JsonSlurper

def findings = { String run -> new JsonSlurper().parse(new File(basedir, "target/${run}/ddl-lint.json")).findings }
// The invoker checked each build's result (invoker.properties); the reports show what each build saw.
assert findings('run1')*.rule == ['table-rebuild']
assert findings('run1')*.severity == ['warning']
assert findings('run2')*.rule == ['table-rebuild']
assert findings('run3')*.rule == ['table-rebuild', 'column-type-change']
assert findings('run4')*.severity == ['warning', 'error']
def log = new File(basedir, 'build.log').text
assert log.contains('at or above failOn=')
return true
