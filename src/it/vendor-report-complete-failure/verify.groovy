import groovy.json.JsonSlurper

def machine = evaluate(new File(itSources, 'lib/machine.groovy'))
def jsonFile = new File(basedir, 'target/smvm/vendor-support-report.json')
def mdFile = new File(basedir, 'target/smvm/vendor-support-report.md')
assert jsonFile.isFile() && mdFile.isFile()
def report = new JsonSlurper().parse(jsonFile)
def md = mdFile.text
def log = new File(basedir, 'build.log').text
def arch = machine.run(['uname', '-m']).out

// the assessment ran inside vendor-report; it does not leave a wheel-health.json behind
assert log.contains('[INFO] target/smvm/wheel-health.json does not exist: running the assessment')
assert !new File(basedir, 'target/smvm/wheel-health.json').exists()
assert report.issue_details.assessment_source == 'an assessment run by smvm:vendor-report'
assert log.contains(': wheel status complete_failure')
// the malformed line is skipped with a warning naming the file and the line
assert log.contains('[WARNING] .smvm/wheel-fallback.log line 2 is not valid JSON; skipped')

machine.checkEnvironment(report)
def details = report.issue_details
assert details.wheel_status == 'complete_failure'
assert details.affected_packages*.name == ['slowbuild', 'oldpy', 'ghostpkg']
def pkg = { name -> details.affected_packages.find { it.name == name } }
assert pkg('slowbuild').environments*.environment == ['primary', 'fallback']
assert pkg('slowbuild').environments*.status == ['sdist_only', 'sdist_only']
assert pkg('slowbuild').newest_version == '1.4.2'
assert pkg('slowbuild').newest_version_wheels == []
assert pkg('oldpy').environments*.status == ['no_version', 'no_version']
assert pkg('ghostpkg').environments*.status == ['not_found', 'not_found']

def requests = report.requested_support
def primaryPlatform = report.environment.assessed_environments.find { it.id == 'primary' }.platform
def fallbackPlatform = report.environment.assessed_environments.find { it.id == 'fallback' }.platform
assert requests*.kind == ['publish_wheels', 'publish_wheels', 'support_python', 'support_python', 'publish_package']
assert requests[0].request == "Publish cp312 wheels for ${primaryPlatform} for slowbuild 1.4.x".toString()
assert requests[1].request == "Publish cp311 wheels for ${fallbackPlatform} for slowbuild 1.4.x".toString()
assert requests[2].request == "Release a version of oldpy that supports Python 3.12 (cp312 ${primaryPlatform})".toString()
assert requests[4].request.startsWith('Make ghostpkg available on the package index (file:')
assert requests[4].environments == ['primary', 'fallback']

// pip's own error from the failed fallback run, and the runs in the steps, before the assessment
def pipError = details.error_messages.find { it.source == 'smvm:fallback at 2026-01-06T09:31:00Z (fallback log line 3)' }
assert pipError.message == 'ERROR: Could not find a version that satisfies the requirement slowbuild (from versions: none)\n' +
        'ERROR: No matching distribution found for slowbuild'
def steps = report.troubleshooting_steps
assert steps[0].action == 'Ran smvm:fallback' && steps[0].at == '2026-01-05T08:00:00Z'
def versionOf = { id -> report.environment.assessed_environments.find { it.id == id }.python_version }
assert steps[0].result == "built the environment on Python ${versionOf('fallback')} instead of Python ${versionOf('primary')} " +
        'with 2 packages in 41.2 s (reason: missing_wheels_primary); wheel status fallback_available'
assert steps[1].action == 'Ran smvm:fallback' && steps[1].at == '2026-01-06T09:31:00Z'
assert steps[1].result.contains('failed to build the environment on Python 3.11.')
assert steps[1].result.endsWith('ERROR: No matching distribution found for slowbuild; the previous environment was restored from .smvm/backup/venv-20260106T093100Z')
assert steps[2].action == 'Looked for the primary Python interpreter'

def impact = report.business_impact
assert impact.severity == 'CRITICAL'
assert impact.workaround_available == false
assert impact.affected_users == null && impact.contact == null
assert details.symptoms.any { it.startsWith('Building the fallback environment failed at 2026-01-06T09:31:00Z: ERROR: No matching distribution found for slowbuild') }

assert md.contains('| **Severity** | **CRITICAL**: Neither the primary nor the fallback interpreter')
assert md.contains('From smvm:fallback at 2026-01-06T09:31:00Z (fallback log line 3):\n\n```text\nERROR: Could not find a version')
assert log.contains('severity CRITICAL, 3 affected packages (slowbuild, oldpy, ghostpkg)')
assert log.contains('BUILD SUCCESS')
return true
