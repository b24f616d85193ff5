import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/ddl-lint/ddl-lint.json'))
// filesystem:sql/schema and classpath:db/changes (src/main/resources/db/changes), in version order.
assert report.files*.path == ['sql/schema/V1__create.sql', 'src/main/resources/db/changes/V2__widen_amount.sql']
// Flyway's placeholder was applied: the ALTER knows the table V1 created.
assert report.files[1].statements[0].table == 'customer_orders'
assert report.findings*.rule == ['column-type-change']
return true
