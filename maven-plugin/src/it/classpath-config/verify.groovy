import groovy.json.JsonSlurper

def quiet = new JsonSlurper().parse(new File(basedir, 'target/ddl-lint/ddl-lint.json'))
assert quiet.files*.path == ['src/main/resources/db/migration/V1__create.sql',
                             'src/main/resources/db/migration/V2__add_note.sql']
assert !quiet.findings*.rule.contains('missing-lock-wait-timeout')

def off = new JsonSlurper().parse(new File(basedir, 'target/off/ddl-lint.json'))
assert off.findings*.rule.contains('missing-lock-wait-timeout')
return true
