import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

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

// the other reports are written too, so that CI views show why
def smvm = new File(basedir, 'target/smvm')
def junit = new XmlSlurper().parse(new File(smvm, 'TEST-smvm-wheel-health.xml'))
assert junit.@tests == '1' && junit.@failures == '1'
def failure = junit.testsuite.testcase.failure
assert failure.@type == 'assessment_failed'
assert failure.@message.text().contains('requirements.txt:3')
assert new File(smvm, 'wheel-health.md').text.contains('Wheel health: `assessment_failed`')
assert new File(smvm, 'wheel-health.html').text.contains('The assessment could not run')
def history = new File(basedir, '.smvm/wheel-health-history.jsonl').readLines()
assert new JsonSlurper().parseText(history[-1]).status == 'assessment_failed'

return true
