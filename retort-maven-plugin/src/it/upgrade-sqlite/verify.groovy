// upgrade head created the tables and the version row; current and history printed the CLI's lines.
def log = new File(basedir, 'build.log').text
assert log.contains('Running upgrade  -> 1a2b3c4d5e6f, create account')
assert log.contains('Running upgrade 1a2b3c4d5e6f -> 2b3c4d5e6f70, create invoice')
assert log.contains('Upgraded to 2b3c4d5e6f70 (2 revisions)')
assert log.contains('[INFO] 2b3c4d5e6f70 (head)')
assert log.contains('[INFO] 1a2b3c4d5e6f -> 2b3c4d5e6f70 (head), create invoice')
assert log.contains('[INFO] <base> -> 1a2b3c4d5e6f, create account')

def db = new org.sqlite.JDBC().connect('jdbc:sqlite:' + new File(basedir, 'app.db').absolutePath, new Properties())
try {
    def tables = []
    def rs = db.createStatement().executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    while (rs.next()) { tables << rs.getString(1) }
    assert tables.containsAll(['account', 'invoice', 'retort_version']) : tables
    rs = db.createStatement().executeQuery('SELECT version_num FROM retort_version')
    def versions = []
    while (rs.next()) { versions << rs.getString(1) }
    assert versions == ['2b3c4d5e6f70']
} finally {
    db.close()
}
