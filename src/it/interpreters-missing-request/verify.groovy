import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/smvm/interpreters.json'))
def primary = report.requests.primary
assert primary.request == '9.9'
assert primary.found == false
assert primary.path == null
// the explanation says what was asked for and where discovery looked
assert primary.explanation.contains('9.9')
def fallback = report.requests.fallback
assert fallback.found == false
assert fallback.explanation.contains('/nonexistent/bin/python3')
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
return true
