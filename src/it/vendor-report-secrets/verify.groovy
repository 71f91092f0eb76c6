import groovy.json.JsonSlurper

def port = new File(basedir, 'server.port').text.trim()
def requests = System.properties.get('smvm.it.vendor-report-secrets.requests')
try {
    new URL("http://127.0.0.1:${port}/stop").text
} catch (IOException ignored) {
    // already stopped
}

def secrets = ['url-pa55w0rd-Zq81', 'qry-t0ken-77aa99bb', 's3ttings-pa55w0rd-Q7', 'hdr-t0ken-abcdef123456',
               'env-t0ken-5ecret-9f8e7d']
def files = ['target/smvm/vendor-support-report.json', 'target/smvm/vendor-support-report.md',
             'target/smvm/wheel-health.json', 'build.log'].collect { new File(basedir, it) }
files.each { assert it.isFile() }
// the index really was read with the planted credentials
assert requests.any { it.startsWith('authorized /simple/fastcalc/') }
assert !requests.any { it.startsWith('refused') }
evaluate(new File(itSources, 'lib/secrets.groovy')).assertAbsent(files, secrets + ['ci-user:'])

def report = new JsonSlurper().parse(files[0])
def md = files[1].text
def index = "http://127.0.0.1:${port}/simple/?token=****".toString()
assert report.environment.indexes == [index]
assert md.contains("| Package indexes | `${index}` |")
assert report.issue_details.affected_packages*.name == ['fastcalc']
def error = report.issue_details.error_messages.find { it.source.startsWith('smvm:fallback') }.message
assert error == "ERROR: HTTP error 403 while getting http://127.0.0.1:${port}/simple/fastcalc/?token=****\n" +
        'ERROR: the index refused credentials **** (header ****, deploy token ****)'
assert report.business_impact.severity == 'CRITICAL'
return true
