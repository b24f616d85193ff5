import groovy.json.JsonSlurper
import javax.xml.parsers.DocumentBuilderFactory

def dir = new File(basedir, 'target/ddl-lint')
def gitlab = new JsonSlurper().parse(new File(dir, 'ddl-lint-gitlab.json'))
assert gitlab.any { it.check_name == 'column-type-change' && it.severity == 'critical' &&
        it.location.path == 'src/main/resources/db/migration/V2__widen.sql' && it.location.lines.begin == 2 }

def checkstyle = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new File(dir, 'ddl-lint-checkstyle.xml')).documentElement
assert checkstyle.tagName == 'checkstyle'
assert checkstyle.getElementsByTagName('file').length == 2
def errors = checkstyle.getElementsByTagName('error')
assert (0..<errors.length).any { errors.item(it).getAttribute('source') == 'ddl-lint.column-type-change' &&
        errors.item(it).getAttribute('severity') == 'error' }

def html = new File(dir, 'ddl-lint.html').text
assert html.startsWith('<!DOCTYPE html>')
assert html.contains('data-verdict="copy"') && html.contains('COPY, LOCK=SHARED')
return true
