import groovy.json.JsonSlurper

// The configuration error is reported before any work, naming the parameter, the value and the grammar.
def log = new File(basedir, 'build.log').text
assert log.contains('Invalid <targets> (smvm.targets):')
assert log.contains('cp312-solaris')
assert log.contains('for example cp312-manylinux_2_28_x86_64')
def report = new JsonSlurper().parse(new File(basedir, 'target/smvm/wheel-health.json'))
assert report.wheel_status == 'assessment_failed'
assert report.threshold == 0.5
return true
