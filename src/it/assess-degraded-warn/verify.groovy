import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/smvm/wheel-health.json'))
def selected = new Properties()
def selectedFile = new File(basedir, 'target/selected.properties')
if (selectedFile.exists()) selectedFile.withInputStream { selected.load(it) }
def log = new File(basedir, 'build.log').text
def env = { id -> report.environments.find { it.id == id } }
def pkg = { id, name -> env(id).packages.find { it.name == name } }

assert report.wheel_status == 'fallback_available'
assert report.selected_python == 'primary'
assert selected['selected.version'].startsWith('3.12.')
assert log.contains('[WARNING] Wheel health: fallback_available (missing_wheels_primary)')
assert log.contains('fastcalc: no_wheel')
assert log.contains('BUILD SUCCESS')

return true
