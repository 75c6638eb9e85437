// An unreachable database is a database error (MojoExecutionException) with the CLI's one line; no password reaches the log.
def log = new File(basedir, 'build.log').text
def line = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
assert line != null
assert line.contains('on project database-error: Cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/app?user=app&password=***')
assert line.count('Cannot connect to PostgreSQL') == 1 : line
assert log.contains('MAVEN/MojoExecutionException')
assert !log.contains('hunter2')
assert !log.contains('also-secret-pw')
