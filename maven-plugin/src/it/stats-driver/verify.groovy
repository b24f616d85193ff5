def log = new File(basedir, 'build.log').text
assert !log.contains('No suitable driver') : 'the plugin has no MySQL JDBC driver'
assert log.contains('ddl-lint: cannot read statistics from jdbc:mysql://127.0.0.1:1/ddl_lint')
assert !new File(basedir, 'ddl-lint-stats.json').exists()
return true
