// Runs after the three builds: what the plugin said, what the copied files are, and the CLI jar run as users do.
def report = new File(basedir, 'target/ddl-lint/ddl-lint.txt')
assert report.isFile() && report.text.contains('column-type-change') : 'build 2: the plugin did not report the type change'

def lib = new File(basedir, 'target/lib')
def copied = (lib.list() ?: []) as List
assert copied.any { it ==~ /ddl-lint-flyway-.+\.jar/ } : "the callback did not resolve: ${copied}"
assert copied.any { it ==~ /ddl-lint-spring-boot-starter-.+\.jar/ } : "the starter did not resolve: ${copied}"

def jar = new File(basedir, 'target/cli/ddl-lint-cli-all.jar')
assert jar.isFile() : "dependency:copy did not fetch ${jar}"
def java = new File(System.getProperty('java.home'), 'bin/java').path
def run = { String dir ->
    def p = [java, '-jar', jar.path, 'check', new File(basedir, dir).path, '--target', 'mysql:8.0.35'].execute()
    def out = new StringBuilder(), err = new StringBuilder()
    p.waitForProcessOutput(out, err)
    [p.exitValue(), out.toString() + err.toString()]
}
def (safeExit, safeOut) = run('migrations/safe')
assert safeExit == 0 : "java -jar … check migrations/safe exited ${safeExit}:\n${safeOut}"
def (unsafeExit, unsafeOut) = run('migrations/unsafe')
assert unsafeExit == 1 : "java -jar … check migrations/unsafe exited ${unsafeExit}:\n${unsafeOut}"
assert unsafeOut.contains('column-type-change')
println "[fresh-project] plugin: safe passed, unsafe failed the build; callback and starter resolved; " +
        "CLI jar (${jar.length()} bytes): safe exit ${safeExit}, unsafe exit ${unsafeExit}"
return true
