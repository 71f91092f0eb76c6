import groovy.json.JsonSlurper

def (indexPort, proxyPort) = new File(basedir, 'ports').text.trim().split(' ')
def indexRequests = System.properties.get('smvm.it.assess-proxy.index-requests')
def proxyRequests = System.properties.get('smvm.it.assess-proxy.proxy-requests')
["http://127.0.0.1:${indexPort}/stop", "http://127.0.0.1:${proxyPort}/stop"].each { url ->
    try {
        new URL(url).openConnection(Proxy.NO_PROXY).inputStream.text
    } catch (IOException ignored) {
        // already stopped
    }
}

// every request went through the proxy with the decrypted proxy credentials, and reached the index with its own
def index = "http://127.0.0.1:${indexPort}/simple"
assert proxyRequests.contains("authorized GET ${index}/tinyjson/".toString()), proxyRequests
assert proxyRequests.contains("authorized GET ${index}/fastcalc/".toString()), proxyRequests
assert !proxyRequests.any { it.startsWith('refused') }, proxyRequests
assert indexRequests.findAll { it.startsWith('authorized /simple/') && it.endsWith('/') }.toSet() ==
        ['authorized /simple/tinyjson/', 'authorized /simple/fastcalc/'].toSet(), indexRequests
assert indexRequests.size() == proxyRequests.size(), "${indexRequests} vs ${proxyRequests}"
assert !indexRequests.any { it.startsWith('refused') }, indexRequests

def report = new JsonSlurper().parse(new File(basedir, 'target/smvm/wheel-health.json'))
assert report.wheel_status == 'primary_healthy'
assert [report.packages_checked, report.packages_available, report.packages_failed] == [2, 2, 0]
def primary = report.environments.find { it.id == 'primary' }
assert primary.packages.find { it.name == 'tinyjson' }.version == '1.1.0'
def proxies = primary.index_sources.findAll { it.setting.endsWith('-proxy') }
        .collect { "${it.setting} ${it.value} ${it.origin}".toString() }
assert proxies == ["http-proxy http://127.0.0.1:${proxyPort} settings.xml <proxy> 'corp-proxy'".toString(),
                   "https-proxy http://127.0.0.1:${proxyPort} settings.xml <proxy> 'corp-proxy'".toString()], proxies

def log = new File(basedir, 'build.log').text
assert log.contains("proxy: http URLs via 127.0.0.1:${proxyPort} (settings.xml <proxy> 'corp-proxy', user build-bot)")

def secrets = ['prx-pa55w0rd-Q7z4', 'build-bot:prx-pa55w0rd-Q7z4'.bytes.encodeBase64().toString(),
               'idx-pa55w0rd-K9x2', 'ci-reader:idx-pa55w0rd-K9x2'.bytes.encodeBase64().toString(), 'it-master-pw-7f3a']
def check = evaluate(new File(itSources, 'lib/secrets.groovy'))
check.assertAbsent(check.outputs(basedir), secrets)
return true
