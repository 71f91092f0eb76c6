def index = evaluate(new File(itSources, 'lib/index.groovy'))
index.build(new File(basedir, 'conf-index'), [[name: 'from-conf-index', version: '1.0', tag: 'py3-none-any']])
index.build(new File(basedir, 'env-index'), [[name: 'from-env-index', version: '2.0', tag: 'py3-none-any']])
// find-links directories: flat directories of wheels
index.build(new File(basedir, 'tree'), [
    [name: 'from-pom-wheels', version: '3.0', tag: 'py3-none-any'],
    [name: 'from-env-wheels', version: '4.0', tag: 'py3-none-any'],
])
['pom-wheels': 'from-pom-wheels', 'env-wheels': 'from-env-wheels'].each { dir, project ->
    def target = new File(basedir, dir)
    target.mkdirs()
    new File(basedir, "tree/${project}").eachFileMatch(~/.*\.whl/) { whl ->
        new File(target, whl.name).bytes = whl.bytes
    }
}
// corp-ca.pem (committed beside this script) is a real self-signed CA certificate in PEM, made with
// keytool -genkeypair -keyalg EC -dname 'CN=smvm IT corp CA' -ext bc:c, then keytool -exportcert -rfc
new File(basedir, 'pip.conf').text = """\
# what a CI image's pip.conf might say
[global]
index-url = ${new File(basedir, 'conf-index').toPath().toUri()}
find-links = ${new File(basedir, 'conf-wheels')}
"""
return true
