import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/smvm/wheel-health.json'))
def selected = new Properties()
def selectedFile = new File(basedir, 'target/selected.properties')
if (selectedFile.exists()) selectedFile.withInputStream { selected.load(it) }
def log = new File(basedir, 'build.log').text
def env = { id -> report.environments.find { it.id == id } }
def pkg = { id, name -> env(id).packages.find { it.name == name } }

assert report.wheel_status == 'fallback_available'
assert report.primary_python == 'unavailable'
assert report.fallback_reason == 'primary_unavailable'
assert report.selected_python == 'fallback'
def primary = env('primary')
assert primary.executable == null && primary.packages == [] && primary.healthy == false
assert report.recommendations.any { it.startsWith('primary interpreter unavailable') }
assert selected['selected.version'].startsWith('3.11.')

return true
