def log = new File(basedir, 'build.log').text
assert log.contains('ddl-lint: skipped (ddl-lint.skip=true)')
assert !log.contains('column-type-change')
assert !new File(basedir, 'target/ddl-lint').exists()
return true
