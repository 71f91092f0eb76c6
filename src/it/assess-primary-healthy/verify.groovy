import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/smvm/wheel-health.json'))
def selected = new Properties()
def selectedFile = new File(basedir, 'target/selected.properties')
if (selectedFile.exists()) selectedFile.withInputStream { selected.load(it) }
def log = new File(basedir, 'build.log').text
def env = { id -> report.environments.find { it.id == id } }
def pkg = { id, name -> env(id).packages.find { it.name == name } }

assert report.keySet() == ['schema_version', 'timestamp', 'wheel_status', 'primary_python', 'fallback_python',
        'selected_python', 'threshold', 'ignored', 'packages_checked', 'packages_available', 'packages_failed',
        'fallback_required', 'fallback_reason', 'recommendations', 'environments'] as Set
assert report.schema_version == 1
assert report.timestamp ==~ /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/
assert report.wheel_status == 'primary_healthy'
assert report.selected_python == 'primary'
assert report.primary_python.startsWith('3.12.')
assert report.fallback_python.startsWith('3.11.')
assert report.threshold == 0.9
assert [report.packages_checked, report.packages_available, report.packages_failed] == [2, 2, 0]
assert report.fallback_required == false
assert report.fallback_reason == null
assert report.environments*.id == ['primary', 'fallback', 'cp312-manylinux_2_28_x86_64', 'cp313-macosx_14_0_arm64']
assert report.environments*.role == ['primary', 'fallback', 'target', 'target']
def primary = env('primary')
assert primary.executable && new File(primary.executable).canExecute()
assert primary.implementation == 'cpython'
assert primary.ratio == 1.0 && primary.healthy
assert pkg('primary', 'tinyjson').version == '1.1.0'
assert pkg('primary', 'tinyjson').wheel == 'tinyjson-1.1.0-py3-none-any.whl'
assert pkg('primary', 'report-kit').wheel == 'report_kit-0.3.0-cp38-abi3-manylinux_2_17_x86_64.manylinux2014_x86_64.whl'
assert pkg('primary', 'report-kit').requirement == 'report-kit==0.3.*'
// the macOS target has no report-kit wheel: reported per target, not in the verdict
def mac = env('cp313-macosx_14_0_arm64')
assert mac.executable == null && mac.platform == 'macosx_14_0_arm64' && mac.python_version == '3.13'
assert pkg('cp313-macosx_14_0_arm64', 'report-kit').status == 'no_wheel'
assert !mac.healthy
assert selected['selected.version'] == report.primary_python
assert selected['wheel.status'] == 'primary_healthy'

return true
