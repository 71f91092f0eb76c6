// A loopback index that demands Basic credentials (user ci-reader, password idx-pa55w0rd-K9x2), named by
// requirements.txt without credentials; the master password that decrypts the settings.xml server's password.

// master password it-master-pw-7f3a, encrypted by: mvn -B --encrypt-master-password it-master-pw-7f3a
// (the server's password in settings.xml by: mvn -B --encrypt-password idx-pa55w0rd-K9x2
//  -Dsettings.security=settings-security.xml)
new File(basedir, 'settings-security.xml').text = '''\
<settingsSecurity>
  <master>{PCx1BH9UU4AHVfpipsNRZjR41u7kvm7UZfYimApLRyrTJVjMe/RD4EGZ6onHJKJA}</master>
</settingsSecurity>
'''

def index = evaluate(new File(itSources, 'lib/index.groovy'))
def root = new File(basedir, 'index')
index.build(root, [
    [name: 'tinyjson', version: '1.1.0', tag: 'py3-none-any', requiresPython: '>=3.8'],
    [name: 'fastcalc', version: '2.1.0', tag: 'py3-none-any'],
])

def port = evaluate(new File(itSources, 'lib/basic-auth-index.groovy'))
        .serve(root, 'ci-reader', 'idx-pa55w0rd-K9x2', 'smvm.it.assess-index-credentials.requests')

new File(basedir, 'server.port').text = "${port}"
new File(basedir, 'requirements.txt').text = """\
--index-url http://127.0.0.1:${port}/simple/
tinyjson>=1.0
fastcalc~=2.0
"""
return true
