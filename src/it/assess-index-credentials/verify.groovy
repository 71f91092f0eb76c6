import groovy.json.JsonSlurper

def port = new File(basedir, 'server.port').text.trim()
def requests = System.properties.get('smvm.it.assess-index-credentials.requests')
try {
    new URL("http://127.0.0.1:${port}/stop").text
} catch (IOException ignored) {
    // already stopped
}

// the index was read with the decrypted credentials, and never refused them
assert requests.any { it == 'authorized /simple/tinyjson/' }
assert requests.any { it == 'authorized /simple/fastcalc/' }
assert !requests.any { it.startsWith('refused') }, requests

def report = new JsonSlurper().parse(new File(basedir, 'target/smvm/wheel-health.json'))
assert report.wheel_status == 'primary_healthy'
assert [report.packages_checked, report.packages_available, report.packages_failed] == [2, 2, 0]
def primary = report.environments.find { it.id == 'primary' }
assert primary.packages.find { it.name == 'tinyjson' }.version == '1.1.0'
assert primary.packages.find { it.name == 'fastcalc' }.version == '2.1.0'

def secrets = ['idx-pa55w0rd-K9x2', 'ci-reader:idx', 'ci-reader:idx-pa55w0rd-K9x2'.bytes.encodeBase64().toString(),
               'it-master-pw-7f3a', 'unrelated-pw']
def check = evaluate(new File(itSources, 'lib/secrets.groovy'))
check.assertAbsent(check.outputs(basedir), secrets)
return true
