import groovy.json.JsonSlurper

// the report of the second, offline build
def report = new JsonSlurper().parse(new File(basedir, 'target/smvm/wheel-health.json'))
def log = new File(basedir, 'build.log').text
def target = report.environments.find { it.id == 'cp312-manylinux_2_28_x86_64' }
def pkg = { name -> target.packages.find { it.name == name } }

// the file:// index answers offline
assert pkg('tinyjson').status == 'wheel'
assert pkg('tinyjson').wheel == 'tinyjson-1.1.0-py3-none-any.whl'
// the http index was not asked: an error that says so, not "not found" and not "cannot connect"
assert pkg('remote-only').status == 'error'
assert pkg('remote-only').reason.contains('offline: http://127.0.0.1:9/simple/remote-only/ was not requested')
assert !pkg('remote-only').reason.contains('cannot connect')
assert log.contains('offline: no request leaves the machine; http(s) sources are answered from the cache in ')
assert target.indexes == ['http://127.0.0.1:9/simple/', new File(basedir, 'index').toPath().toUri().toString()]
return true
