// A git repository whose HEAD holds V1 and V2; V3 is added afterwards (untracked, as on a pull-request branch
// before 'git add') and V4 is committed on a later commit, so both are "changed since" the first commit's tag.
def run(List<String> command) {
    def process = command.execute(null, basedir)
    def out = new StringBuilder(), err = new StringBuilder()
    process.waitForProcessOutput(out, err)
    assert process.exitValue() == 0 : "${command.join(' ')} failed: ${err}"
    return out.toString()
}
def git = ['git', '-c', 'user.name=ddl-lint IT', '-c', 'user.email=it@ddl-lint.invalid', '-c', 'commit.gpgsign=false']

run(git + ['init', '-q'])
assert new File(basedir, '.git').isDirectory()
// The repository must be this folder, not an enclosing one.
assert new File(run(git + ['rev-parse', '--show-toplevel']).trim()).canonicalPath == basedir.canonicalPath
new File(basedir, '.gitignore').text = 'target/\nbuild.log\n'
run(git + ['add', '-A'])
run(git + ['commit', '-q', '-m', 'V1 and V2, already in production'])
run(git + ['tag', 'released'])

def migrations = new File(basedir, 'src/main/resources/db/migration')
new File(migrations, 'V3__rebuild.sql').text = '-- New on this branch, committed: a warning.\nALTER TABLE t FORCE;\n'
run(git + ['add', '-A'])
run(git + ['commit', '-q', '-m', 'V3'])
new File(migrations, 'V4__add_column.sql').text = '-- New on this branch, not yet added: fine.\nALTER TABLE t ADD COLUMN c INT;\n'
return true
