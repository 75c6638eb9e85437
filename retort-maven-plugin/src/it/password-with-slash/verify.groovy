// A '/' in a URL's password: the PostgreSQL driver's own java.util.logging warning would quote the raw URL.
def log = new File(basedir, 'build.log').text
def line = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
assert line != null
assert line.contains('Cannot connect to PostgreSQL at jdbc:postgresql://app:***@127.0.0.1:1/app') : line
assert !log.contains('ter2') : 'the password reached the build log'
assert !log.contains('JDBC URL contains too many') : 'the driver warning reached the build log'
