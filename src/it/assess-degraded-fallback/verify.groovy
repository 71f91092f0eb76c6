import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/smvm/wheel-health.json'))
def selected = new Properties()
def selectedFile = new File(basedir, 'target/selected.properties')
if (selectedFile.exists()) selectedFile.withInputStream { selected.load(it) }
def log = new File(basedir, 'build.log').text
def env = { id -> report.environments.find { it.id == id } }
def pkg = { id, name -> env(id).packages.find { it.name == name } }

assert report.wheel_status == 'fallback_available'
assert report.selected_python == 'fallback'
assert report.fallback_required == true
assert report.fallback_reason == 'missing_wheels_primary'
assert [report.packages_checked, report.packages_available, report.packages_failed] == [3, 2, 1]
def fastcalc = pkg('primary', 'fastcalc')
assert fastcalc.status == 'no_wheel'
assert fastcalc.version == null && fastcalc.wheel == null
assert fastcalc.reason.contains('fastcalc 2.1.0')
assert fastcalc.reason.contains('cp312')
assert pkg('fallback', 'fastcalc').status == 'wheel'
assert pkg('fallback', 'fastcalc').wheel == 'fastcalc-2.1.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl'
assert report.recommendations.any { it.contains('mvn smvm:fallback') }
assert selected['selected.version'].startsWith('3.11.')
assert selected['selected.version'] == report.fallback_python
assert new File(selected['selected.python']).canExecute()
assert log.contains('BUILD SUCCESS')

return true
