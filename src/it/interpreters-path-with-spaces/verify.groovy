import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/smvm/interpreters.json'))
def expectedPath = new File(basedir, 'py dir \'with\' "quotes"/python').path
def primary = report.requests.primary
assert primary.found == true : primary.explanation
assert primary.path == expectedPath
def real = new File(new File(basedir, 'linked-to.txt').text)
// the version the probe reported is the linked interpreter's own
def version = [real.path, '-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3])'].execute().text.trim()
assert primary.version == version
def entry = report.interpreters.find { it.path == expectedPath }
assert entry.source == 'explicit_path'
return true
