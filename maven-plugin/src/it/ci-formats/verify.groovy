import groovy.json.JsonSlurper

def dir = new File(basedir, 'target/ddl-lint')
def gitlab = new JsonSlurper().parse(new File(dir, 'ddl-lint-gitlab.json'))
assert gitlab.any { it.check_name == 'column-type-change' && it.severity == 'critical' &&
        it.location.path == 'src/main/resources/db/migration/V2__widen.sql' && it.location.lines.begin == 2 }

def checkstyle = new XmlSlurper().parse(new File(dir, 'ddl-lint-checkstyle.xml'))
assert checkstyle.file.size() == 2
assert checkstyle.file.error.find { it.@source == 'ddl-lint.column-type-change' && it.@severity == 'error' }

def html = new File(dir, 'ddl-lint.html').text
assert html.startsWith('<!DOCTYPE html>')
assert html.contains('data-verdict="copy"') && html.contains('COPY, LOCK=SHARED')
return true
