import groovy.json.JsonSlurper

def lib = evaluate(new File(itSources, 'lib/index.groovy'))
def log = new File(basedir, 'build.log').text
def events = new File(basedir, '.smvm/wheel-fallback.log').readLines().collect { new JsonSlurper().parseText(it) }

assert lib.snapshot(new File(basedir, '.venv')) == new File(basedir, 'old-venv.sha256').text
assert basedir.listFiles().findAll { it.name.startsWith('.venv.') && it.name != '.venv.smvm.lock' } == []
assert events*.event == ['wheel_fallback_failed']
assert events[0].error == 'verify: 1 import failed in the new environment: import explodes (explodes): RuntimeError: boom on import'
assert log.contains("failed at step 'verify'")
return true
