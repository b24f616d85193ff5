def log = new File(basedir, 'build.log').text
assert log.contains('ddl-lint:check')
assert log.contains('User property: ddl-lint.failOn')
assert log.contains('User property: ddl-lint.since')
assert log.contains('<failOn>warning</failOn>')
return true
