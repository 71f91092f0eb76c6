import groovy.json.JsonSlurper

def lib = evaluate(new File(itSources, 'lib/index.groovy'))
def venv = new File(basedir, '.venv')
def python = new File(venv, 'bin/python')
def events = new File(basedir, '.smvm/wheel-fallback.log').readLines().collect { new JsonSlurper().parseText(it) }
def config = new Properties()
new File(basedir, '.smvm_config').withInputStream { config.load(it) }
def selected = new Properties()
new File(basedir, 'target/selected.properties').withInputStream { selected.load(it) }
def report = new JsonSlurper().parse(new File(basedir, 'target/smvm/wheel-health.json'))

// the environment runs the fallback interpreter and imports what was installed
def version = lib.run([python.path, '-I', '-c', 'import sys, tinyjson, fastcalc, skthing; print(".".join(map(str, sys.version_info[:3])))'])
assert version == report.fallback_python
assert version.startsWith('3.11.')

// first build: fallback successful; second: up to date, nothing rebuilt
assert events*.event == ['wheel_fallback_successful', 'environment_up_to_date']
assert events.every { it.reason == 'missing_wheels_primary' && it.status == 'fallback_available' }
assert events.every { it.primary_python == report.primary_python && it.fallback_python == report.fallback_python }
assert events*.backup == [null, null]
assert events*.packages == [3, 3]
assert events.every { it.timestamp ==~ /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/ && it.duration_ms instanceof Number }

// .smvm_config: one line per key
def lines = new File(basedir, '.smvm_config').readLines().findAll { !it.startsWith('#') }
assert lines*.split('=')*.getAt(0) == ['python_version', 'python_executable', 'wheel_status', 'fallback_reason', 'fallback_timestamp', 'venv']
assert config.python_version == version
assert config.python_executable == python.canonicalFile.path || new File(config.python_executable).canonicalPath == python.canonicalPath
assert config.wheel_status == 'fallback_available'
assert config.fallback_reason == 'missing_wheels_primary'
assert config.fallback_timestamp ==~ /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/
assert new File(config.venv).canonicalPath == venv.canonicalPath

// requirements.lock is pip freeze of the environment
assert new File(basedir, 'requirements.lock').readLines() == ['fastcalc==2.1.0', 'scikit-thing==1.0', 'tinyjson==1.1.0']

// the properties later plugins read name the environment's own interpreter
assert new File(selected['selected.python']).canonicalPath == python.canonicalPath
assert selected['selected.version'] == version
assert selected['wheel.status'] == 'fallback_available'

// nothing left over
assert basedir.listFiles().findAll { it.name.startsWith('.venv.') && it.name != '.venv.smvm.lock' } == []
return true
