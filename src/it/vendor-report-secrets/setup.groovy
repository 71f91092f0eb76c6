// A loopback index that demands Basic credentials, reached through a requirements file whose
// --index-url carries them (and a query token); a fallback log whose pip error text repeats the
// settings.xml password, the Authorization header value and the environment variable's token.

def index = evaluate(new File(itSources, 'lib/index.groovy'))
def root = new File(basedir, 'index')
index.build(root, [
    [name: 'tinyjson', version: '1.1.0', tag: 'py3-none-any', requiresPython: '>=3.8'],
    [name: 'fastcalc', version: '2.1.0', tag: 'cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64'],
    [name: 'fastcalc', version: '2.1.0', tag: 'cp311-cp311-manylinux_2_17_aarch64.manylinux2014_aarch64'],
])

def user = 'ci-user'
def password = 'url-pa55w0rd-Zq81'
def token = 'qry-t0ken-77aa99bb'
def port = evaluate(new File(itSources, 'lib/basic-auth-index.groovy'))
        .serve(root, user, password, 'smvm.it.vendor-report-secrets.requests')

new File(basedir, 'server.port').text = "${port}"
new File(basedir, 'requirements.txt').text = """\
--index-url http://${user}:${password}@127.0.0.1:${port}/simple/?token=${token}
tinyjson>=1.0
fastcalc~=2.0
"""

def json = { Map m -> groovy.json.JsonOutput.toJson(m) }
def log = new File(basedir, '.smvm/wheel-fallback.log')
log.parentFile.mkdirs()
log.text = json([timestamp: '2026-01-06T09:31:00Z', event: 'wheel_fallback_failed', reason: 'missing_wheels_primary',
        primary_python: '3.12', fallback_python: '3.11', status: 'failed', duration_ms: 1200, backup: null,
        error: "ERROR: HTTP error 403 while getting http://${user}:${password}@127.0.0.1:${port}/simple/fastcalc/?token=${token}\n" +
               "ERROR: the index refused credentials s3ttings-pa55w0rd-Q7 (header Bearer hdr-t0ken-abcdef123456, " +
               "deploy token env-t0ken-5ecret-9f8e7d)"]) + '\n'
return true
