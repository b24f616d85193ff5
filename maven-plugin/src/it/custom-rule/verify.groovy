// The example's custom rule, loaded from the plugin's dependencies, fails the check on the example's migration.
File log = new File(basedir, 'build.log')
assert log.exists()
String text = log.text
assert text.contains('V2__add_nickname.sql:4:1: error[acme-column-comment-required] column `nickname` is added to `users` without a COMMENT')
assert text.contains('https://wiki.acme.example/ddl/acme-column-comment-required')
assert !text.contains('`locale` is added')
return true
