import groovy.json.JsonSlurper

def dir = 'src/main/resources/db/migration/'
def since = new JsonSlurper().parse(new File(basedir, 'target/since/ddl-lint.json'))
// Only the files added or changed since the tag were checked...
assert since.files*.path == [dir + 'V3__rebuild.sql', dir + 'V4__add_column.sql']
// ...and V3 was checked for real (its warning), while V2's error is not reported.
assert since.findings*.rule == ['table-rebuild']

def all = new JsonSlurper().parse(new File(basedir, 'target/all/ddl-lint.json'))
assert all.files.size() == 4
assert all.findings*.rule == ['column-type-change', 'table-rebuild']

def log = new File(basedir, 'build.log').text
assert log.contains('ddl-lint: 2 of 4 migration files added or changed since released')
assert log.contains("ddl-lint.since: unknown git ref 'no-such-branch'")
assert !new File(basedir, 'target/unknown').exists()
return true
