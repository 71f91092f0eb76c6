import groovy.json.JsonSlurper

def lib = evaluate(new File(itSources, 'lib/index.groovy'))
def events = new File(basedir, '.smvm/wheel-fallback.log').readLines().collect { new JsonSlurper().parseText(it) }
def report = new JsonSlurper().parse(new File(basedir, 'target/smvm/wheel-health.json'))
def config = new Properties()
new File(basedir, '.smvm_config').withInputStream { config.load(it) }

assert events*.event == ['wheel_fallback_successful', 'primary_restored']
assert events[1].reason == 'primary_healthy'
assert events[1].status == 'primary_healthy'
assert report.wheel_status == 'primary_healthy'

def version = { File venv -> lib.run([new File(venv, 'bin/python').path, '-I', '-c', 'import sys, fastcalc; print(".".join(map(str, sys.version_info[:3])))']) }
assert version(new File(basedir, '.venv')) == report.primary_python
assert report.primary_python.startsWith('3.12.')

// the fallback environment is kept as the backup the log names, and still works
def backups = basedir.listFiles().findAll { it.name.startsWith('.venv.backup.') }
assert backups.size() == 1
assert events[1].backup == backups[0].canonicalPath || new File(events[1].backup).canonicalPath == backups[0].canonicalPath
assert backups[0].name ==~ /\.venv\.backup\.\d{8}T\d{6}Z/
assert version(backups[0]).startsWith('3.11.')

assert config.python_version == report.primary_python
assert config.fallback_reason == ''
assert config.fallback_timestamp == ''
return true
