import groovy.json.JsonSlurper

def machine = evaluate(new File(itSources, 'lib/machine.groovy'))
def report = new JsonSlurper().parse(new File(basedir, 'target/smvm/vendor-support-report.json'))
def md = new File(basedir, 'target/smvm/vendor-support-report.md').text
def health = new JsonSlurper().parse(new File(basedir, 'target/smvm/wheel-health.json'))
def log = new File(basedir, 'build.log').text

machine.checkEnvironment(report)
assert health.wheel_status == 'primary_healthy'
assert report.issue_details.wheel_status == 'primary_healthy'
assert report.title == 'Every requirement installs from wheels'
assert report.issue_details.affected_packages == []
assert report.issue_details.error_messages == []
assert report.requested_support == []
assert report.business_impact.severity == 'LOW'
assert report.business_impact.severity_reason == 'Every requirement installs from wheels in every assessed environment'
assert report.business_impact.workaround_available == false
assert report.troubleshooting_steps.find { it.action == 'Checked every requirement and its dependencies in each environment as pip install --only-binary=:all: would choose' }
        .result == 'primary: 2 of 2 install from wheels; fallback: 2 of 2 install from wheels'
assert md.contains('| **Severity** | **LOW**: Every requirement installs from wheels in every assessed environment |')
assert md.contains('## Requested support\n\nNothing is missing: no request.\n')
assert log.contains('severity LOW, 0 affected packages')
return true
