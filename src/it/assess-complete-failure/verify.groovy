import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/smvm/wheel-health.json'))
def selected = new Properties()
def selectedFile = new File(basedir, 'target/selected.properties')
if (selectedFile.exists()) selectedFile.withInputStream { selected.load(it) }
def log = new File(basedir, 'build.log').text
def env = { id -> report.environments.find { it.id == id } }
def pkg = { id, name -> env(id).packages.find { it.name == name } }

assert report.wheel_status == 'complete_failure'
assert report.fallback_reason == 'missing_wheels_both'
assert report.selected_python == null
assert pkg('primary', 'slowbuild').status == 'sdist_only'
assert pkg('fallback', 'slowbuild').status == 'sdist_only'
assert pkg('primary', 'slowbuild').reason.contains('slowbuild 1.0 is published only as a source distribution')
assert log.contains('slowbuild: sdist_only')
assert log.contains('BUILD FAILURE')

return true
