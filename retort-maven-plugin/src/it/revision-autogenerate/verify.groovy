// The first build wrote the payment revision, the second applied it and check passed, the third went back to base.
def versions = new File(basedir, 'migrations/versions')
def written = versions.listFiles().findAll { it.name.endsWith('_add_payment.yaml') }
assert written.size() == 1 : versions.list()
def text = written[0].text
assert text.contains('down_revision: 2b3c4d5e6f70')
assert text.contains('create_table:') && text.contains('name: payment')
assert text.contains('drop_table: payment')

def db = new org.sqlite.JDBC().connect('jdbc:sqlite:' + new File(basedir, 'app.db').absolutePath, new Properties())
try {
    def tables = []
    def rs = db.createStatement().executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    while (rs.next()) { tables << rs.getString(1) }
    assert !tables.contains('payment') && !tables.contains('account') : tables
    rs = db.createStatement().executeQuery('SELECT count(*) FROM retort_version')
    assert rs.next() && rs.getInt(1) == 0
} finally {
    db.close()
}
