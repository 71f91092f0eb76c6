import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

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

// the other reports, written from the same document
def smvm = new File(basedir, 'target/smvm')
assert ['wheel-health.json', 'wheel-health.html', 'wheel-health.md', 'TEST-smvm-wheel-health.xml'].every {
    new File(smvm, it).isFile()
}
def junit = new XmlSlurper().parse(new File(smvm, 'TEST-smvm-wheel-health.xml'))
assert junit.name() == 'testsuites'
assert junit.testsuite*.@name*.text() == report.environments.collect { 'wheel-health.' + it.id }
report.environments.each { e ->
    def suite = junit.testsuite.find { it.@name == 'wheel-health.' + e.id }
    def failing = e.packages.findAll { !(it.status in ['wheel', 'older_wheel', 'skipped']) }
    assert suite.@tests.toInteger() == e.packages.size()
    assert suite.@failures.toInteger() == failing.size()
    assert suite.@skipped.toInteger() == e.packages.count { it.status == 'skipped' }
    assert suite.testcase.findAll { it.failure.size() > 0 }*.@name*.text() == failing*.requirement
}
def primarySuite = junit.testsuite.find { it.@name == 'wheel-health.primary' }
assert primarySuite.@failures.toInteger() == report.packages_failed
def fastcalcCase = primarySuite.testcase.find { it.@name == 'fastcalc~=2.0' }
assert fastcalcCase.failure.@type == 'no_wheel'
assert fastcalcCase.failure.@message == fastcalc.reason

def md = new File(smvm, 'wheel-health.md').text
assert md.startsWith('## \u26a0\ufe0f Wheel health: `fallback_available`')
assert md.contains('| fastcalc\\~=2.0 | primary (no\\_wheel) |')

def html = new File(smvm, 'wheel-health.html').text
assert html.contains('<header class="banner b-fallback_available">')
assert html.contains('Availability over the last 2 runs')
assert !html.contains('<link') && !html.contains('src=')

// one history line per run
def history = new File(basedir, '.smvm/wheel-health-history.jsonl').readLines()
assert history.size() == 2
def runs = history.collect { new JsonSlurper().parseText(it) }
assert runs*.status == ['fallback_available', 'fallback_available']
assert runs.every { it.fallback == true && it.selected_python == 'fallback' && it.selected_version == report.fallback_python }
assert runs[1].environments*.id == report.environments*.id
def primaryPoint = runs[1].environments.find { it.id == 'primary' }
assert [primaryPoint.packages, primaryPoint.available, primaryPoint.failed] == [3, 2, 1]

// GITHUB_STEP_SUMMARY got the summary once per run
def summary = new File(basedir, 'target/step-summary.md').text
assert summary.count('Wheel health: `fallback_available`') == 2
assert summary.endsWith(md + '\n')
assert log.contains('(GITHUB_STEP_SUMMARY)')

return true
