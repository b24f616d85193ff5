// Prints what each Spring Boot line's application showed (the test writes one summary per line).
def lines = ['3.3.13', '3.4.10', '3.5.7', '4.0.7']
for (v in lines) {
    def f = new File(basedir, "summary-${v}.txt")
    assert f.isFile() : "no summary for Spring Boot ${v}: its test did not run to the end"
    f.eachLine { println "[spring-boot-app] ${it}" }
}
return true
