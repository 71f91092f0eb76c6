import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/smvm/wheel-health.json'))
def selected = new Properties()
def selectedFile = new File(basedir, 'target/selected.properties')
if (selectedFile.exists()) selectedFile.withInputStream { selected.load(it) }
def log = new File(basedir, 'build.log').text
def env = { id -> report.environments.find { it.id == id } }
def pkg = { id, name -> env(id).packages.find { it.name == name } }

assert report.wheel_status == 'assessment_failed'
assert report.environments == []
assert report.recommendations[0].contains('requirements.txt:3')
assert log =~ /Cannot read the requirements: .*requirements\.txt:3/
assert log.contains('BUILD FAILURE')

return true
