// Configured in the pom alone: the relative SQLite file is under the project, the version table is the pom's.
def log = new File(basedir, 'build.log').text
assert log.contains('Upgraded to 2b3c4d5e6f70 (2 revisions)')
assert log.contains('No changes detected: the database matches the model')
assert log.contains('All 2 applied revisions match their files')
assert log.contains('[INFO] 2b3c4d5e6f70 (head)')
assert log.contains('BUILD SUCCESS')

def db = new org.sqlite.JDBC().connect('jdbc:sqlite:' + new File(basedir, 'pom.db').absolutePath, new Properties())
try {
    def rs = db.createStatement().executeQuery('SELECT version_num FROM app_version')
    assert rs.next() && rs.getString(1) == '2b3c4d5e6f70'
} finally {
    db.close()
}
