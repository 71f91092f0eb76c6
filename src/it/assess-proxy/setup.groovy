// A loopback index that demands Basic credentials (ci-reader / idx-pa55w0rd-K9x2, a plain settings.xml
// server), reached through a loopback proxy that demands build-bot / prx-pa55w0rd-Q7z4 (an encrypted settings.xml
// <proxy> password); settings.xml is written from settings.template.xml with the proxy's port.

// master password it-master-pw-7f3a, encrypted by: mvn -B --encrypt-master-password it-master-pw-7f3a
// (the proxy's password in settings.template.xml by: mvn -B -q --encrypt-password prx-pa55w0rd-Q7z4
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

def indexPort = evaluate(new File(itSources, 'lib/basic-auth-index.groovy'))
        .serve(root, 'ci-reader', 'idx-pa55w0rd-K9x2', 'smvm.it.assess-proxy.index-requests')
def proxyPort = evaluate(new File(itSources, 'lib/basic-auth-proxy.groovy'))
        .serve('build-bot', 'prx-pa55w0rd-Q7z4', 'smvm.it.assess-proxy.proxy-requests')

new File(basedir, 'ports').text = "${indexPort} ${proxyPort}"
def template = new File(basedir, 'settings.template.xml').text
new File(basedir, 'settings.xml').text = template.replace('PROXY_PORT', "${proxyPort}")
new File(basedir, 'requirements.txt').text = """\
--index-url http://127.0.0.1:${indexPort}/simple/
tinyjson>=1.0
fastcalc~=2.0
"""
return true
