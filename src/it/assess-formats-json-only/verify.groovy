import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/smvm/wheel-health.json'))
def log = new File(basedir, 'build.log').text

assert report.wheel_status == 'primary_healthy'
// json is always written; the list chose nothing else
assert new File(basedir, 'target/smvm').list().toList() == ['wheel-health.json']
// smvm.history=false: no history file, not even the directory
assert !new File(basedir, '.smvm').exists()
assert !log.contains('Wrote wheel-health.html')
assert log.contains('BUILD SUCCESS')

return true
