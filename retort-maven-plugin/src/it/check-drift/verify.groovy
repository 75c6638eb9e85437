// check failed the build as a user error (MojoFailureException) after upgrade ran, naming the pending table.
def log = new File(basedir, 'build.log').text
assert log.contains('Upgraded to 2b3c4d5e6f70 (2 revisions)')
assert log.contains('[WARNING] pending: + create table payment (2 columns)')
def line = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
assert line != null
assert line.contains(':check (drift) on project check-drift: 1 pending operation: the model differs from the database; '
        + 'write them with `mvn retort:revision -Dretort.autogenerate -Dretort.message="..."` -> [Help 1]') : line
assert log.contains('MAVEN/MojoFailureException')
assert !log.contains('No changes detected')
