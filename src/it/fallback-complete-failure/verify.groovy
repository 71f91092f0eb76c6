import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def events = new File(basedir, '.smvm/wheel-fallback.log').readLines().collect { new JsonSlurper().parseText(it) }
assert log.contains('Assessing first: ')
assert new groovy.json.JsonSlurper().parse(new File(basedir, 'target/smvm/wheel-health.json')).wheel_status == 'complete_failure'
assert log.contains('Neither interpreter installs the requirements from wheels (complete_failure)')
assert log.contains('primary: slowcalc: sdist_only')
assert log.contains('fallback: slowcalc: sdist_only')
assert log.contains('mvn smvm:vendor-report')
assert events*.event == ['wheel_fallback_failed']
assert events[0].status == 'complete_failure'
assert !new File(basedir, '.venv').exists()
return true
