import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/smvm/wheel-health.json'))
def selected = new Properties()
def selectedFile = new File(basedir, 'target/selected.properties')
if (selectedFile.exists()) selectedFile.withInputStream { selected.load(it) }
def log = new File(basedir, 'build.log').text
def env = { id -> report.environments.find { it.id == id } }
def pkg = { id, name -> env(id).packages.find { it.name == name } }

def webapp = pkg('primary', 'webapp')
assert webapp.version == '1.0' && webapp.wheel == 'webapp-1.0-py3-none-any.whl'
assert webapp.status == 'no_wheel'
assert webapp.reason.startsWith('dependency webapp \u2190 modelkit \u2190 fastcore: ')
assert webapp.dependencies*.name == ['modelkit', 'fastcore']
def fastcore = webapp.dependencies.find { it.name == 'fastcore' }
assert fastcore.via == ['webapp', 'modelkit', 'fastcore']
assert fastcore.status == 'no_wheel'
assert fastcore.requirement == 'fastcore'
// the marker of tinyjson is false: not followed
assert !webapp.dependencies.any { it.name == 'tinyjson' }
def onFallback = pkg('fallback', 'webapp')
assert onFallback.status == 'wheel'
assert onFallback.dependencies.find { it.name == 'fastcore' }.wheel.startsWith('fastcore-0.9-cp311')
assert report.wheel_status == 'fallback_available'

return true
