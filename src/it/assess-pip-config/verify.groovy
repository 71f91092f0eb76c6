import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/smvm/wheel-health.json'))
def log = new File(basedir, 'build.log').text
def target = report.environments.find { it.id == 'cp312-manylinux_2_28_x86_64' }
def pkg = { name -> target.packages.find { it.name == name } }
def uri = { String dir -> new File(basedir, dir).toPath().toUri().toString() }
def conf = new File(basedir, 'pip.conf').path

// index-url from the PIP_CONFIG_FILE, extra-index-url from PIP_EXTRA_INDEX_URL: both read
assert pkg('from-conf-index').status == 'wheel' && pkg('from-conf-index').version == '1.0'
assert pkg('from-env-index').status == 'wheel' && pkg('from-env-index').version == '2.0'
// find-links: the pom's wins over PIP_FIND_LINKS (which itself beat the file's)
assert pkg('from-pom-wheels').status == 'wheel' && pkg('from-pom-wheels').version == '3.0'
assert pkg('from-env-wheels').status == 'not_found'

assert target.index_sources == [
    [setting: 'index-url', value: uri('conf-index'), origin: "${conf} [global]".toString()],
    [setting: 'extra-index-url', value: uri('env-index'), origin: 'PIP_EXTRA_INDEX_URL'],
    [setting: 'find-links', value: new File(basedir, 'pom-wheels').path, origin: 'pom'],
    [setting: 'cert', value: new File(basedir, 'corp-ca.pem').path, origin: 'PIP_CERT'],
]
assert target.indexes == [uri('conf-index'), uri('env-index'), new File(basedir, 'pom-wheels').toPath().toUri().toString()]
assert log.contains("pip's configuration: read ")
// pip's cert is a real PEM bundle: the assessment reads it (a broken one would fail the build naming PIP_CERT)
assert log.contains("cert ${new File(basedir, 'corp-ca.pem')} from PIP_CERT")
assert log.contains("pip's find-links ${new File(basedir, 'env-wheels')} (PIP_FIND_LINKS) is overridden by the pom")
assert log.contains("index-url ${uri('conf-index')} from ${conf} [global]")
return true
