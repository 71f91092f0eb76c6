import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/smvm/wheel-health.json'))
def selected = new Properties()
def selectedFile = new File(basedir, 'target/selected.properties')
if (selectedFile.exists()) selectedFile.withInputStream { selected.load(it) }
def log = new File(basedir, 'build.log').text
def env = { id -> report.environments.find { it.id == id } }
def pkg = { id, name -> env(id).packages.find { it.name == name } }

assert report.wheel_status == 'fallback_available'
assert report.selected_python == null
assert log.contains('Wheel health: fallback_available (missing_wheels_primary)')
assert log.contains('fastcalc: no_wheel - fastcalc 2.1.0')
assert log.contains('mvn smvm:vendor-report')
assert log.contains('BUILD FAILURE')

return true
