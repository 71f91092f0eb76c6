import groovy.json.JsonSlurper

def machine = evaluate(new File(itSources, 'lib/machine.groovy'))
def jsonFile = new File(basedir, 'target/smvm/vendor-support-report.json')
def mdFile = new File(basedir, 'target/smvm/vendor-support-report.md')
assert jsonFile.isFile() && mdFile.isFile()
def report = new JsonSlurper().parse(jsonFile)
def health = new JsonSlurper().parse(new File(basedir, 'target/smvm/wheel-health.json'))
def md = mdFile.text
def log = new File(basedir, 'build.log').text
def arch = machine.run(['uname', '-m']).out

assert report.report_type == 'wheel_compatibility_issue'
assert report.schema_version == 1
assert report.generated_at ==~ /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/

// the environment is this machine's, and the assessed interpreters are the real 3.12 and 3.11
machine.checkEnvironment(report)
def assessed = { id -> report.environment.assessed_environments.find { it.id == id } }
assert assessed('primary').python_version == machine.pythonVersion(evaluate(new File(itSources, 'lib/index.groovy')).python('3.12').path)
assert assessed('primary').python_version == health.primary_python
assert assessed('fallback').python_version == health.fallback_python
assert assessed('fallback').python_version.startsWith('3.11.')
assert assessed('primary').interpreter_tag == 'cp312'
assert report.environment.indexes == [new File(basedir, 'index').toPath().toUri().toString()]

// the real failing packages, with what the assessment found for them
def details = report.issue_details
assert details.wheel_status == 'fallback_available'
assert details.fallback_reason == 'missing_wheels_primary'
assert details.assessment_source == 'target/smvm/wheel-health.json'
assert details.affected_packages*.name == ['fastcalc', 'speedups']
def healthPkg = { env, name -> health.environments.find { it.id == env }.packages.find { it.name == name } }
def fastcalc = details.affected_packages.find { it.name == 'fastcalc' }
assert fastcalc.requirement == 'fastcalc~=2.0'
assert fastcalc.required_by == []
assert fastcalc.environments*.environment == ['primary']
assert fastcalc.environments[0].status == 'no_wheel'
assert fastcalc.environments[0].status == healthPkg('primary', 'fastcalc').status
assert fastcalc.environments[0].reason == healthPkg('primary', 'fastcalc').reason
assert fastcalc.environments[0].newest_compatible_version == null
assert fastcalc.newest_version == '2.1.0'
assert fastcalc.newest_version_wheels == ['cp311-cp311-manylinux_2_17_aarch64.manylinux2014_aarch64',
        'cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64']
assert fastcalc.working_environments*.environment == ['fallback']
assert fastcalc.working_environments[0].version == '2.1.0'
assert fastcalc.working_environments[0].wheel == "fastcalc-2.1.0-cp311-cp311-manylinux_2_17_${arch}.manylinux2014_${arch}.whl"
assert fastcalc.project_urls == [Homepage: 'https://fastcalc.example.org', Issues: 'https://tracker.example.org/fastcalc/issues']
def speedups = details.affected_packages.find { it.name == 'speedups' }
assert speedups.required_by == ['dataapp']
assert speedups.requirement == 'speedups>=1.0'
assert speedups.environments[0].status == 'no_wheel'
def primaryPlatform = assessed('primary').platform
assert details.symptoms.contains("2 of 4 requirements have no cp312 wheel for ${primaryPlatform} (primary interpreter, Python ${health.primary_python}): fastcalc (no_wheel), dataapp (dependency speedups)".toString())
assert details.error_messages == []

// what was done: both interpreters probed, the index read, the policy applied, no fallback tried
def steps = report.troubleshooting_steps
assert steps*.step == (1..steps.size()).toList()
assert steps[0].action == 'Looked for the primary Python interpreter'
assert steps[0].result.startsWith("found Python ${health.primary_python} (cpython) at ")
assert steps.find { it.action == 'Read the package indexes' }.result == new File(basedir, 'index').toPath().toUri().toString()
assert steps.find { it.action.startsWith('Applied the health policy') }.result ==
        'wheel status fallback_available (missing_wheels_primary); selected the fallback interpreter'
assert steps.find { it.action == 'Looked for fallback runs' }.result ==
        'none: .smvm/wheel-fallback.log does not exist, so no fallback environment was built'

def impact = report.business_impact
assert impact.severity == 'HIGH'
assert impact.workaround_available == true
assert impact.workaround.startsWith("Build on the fallback interpreter, Python ${health.fallback_python}")
assert impact.affected_users == '12 analysts'
assert impact.estimated_resolution_time == '2 weeks'
assert impact.contact == 'platform-team@example.org'

assert report.requested_support*.request == [
        "Publish cp312 wheels for manylinux_2_17_${arch} for fastcalc 2.1.x".toString(),
        "Publish cp312 wheels for manylinux_2_28_${arch} for speedups 1.2.x".toString()]
assert report.requested_support*.environments == [['primary'], ['primary']]

// the Markdown is an issue body with the same facts
assert md.startsWith("# No compatible wheels for fastcalc, speedups on cp312 ${primaryPlatform}\n")
assert md.contains('| **Severity** | **HIGH**: ')
assert md.contains("- [ ] **Publish cp312 wheels for manylinux_2_17_${arch} for fastcalc 2.1.x** (environment: primary)")
assert md.contains('| fastcalc | `fastcalc~=2.0` | primary (cp312 ' + primaryPlatform + ') | `no_wheel` |')
assert md.contains('- Project links: Homepage: <https://fastcalc.example.org>, Issues: <https://tracker.example.org/fastcalc/issues>')
assert md.contains("| Architecture | ${arch} |")
assert md.contains('## Steps already taken')

assert log.contains('[INFO] Reporting on the assessment in target/smvm/wheel-health.json of ' + health.timestamp)
assert log.contains('[INFO] Wrote target/smvm/vendor-support-report.json and target/smvm/vendor-support-report.md: '
        + 'severity HIGH, 2 affected packages (fastcalc, speedups)')
assert log.contains('BUILD SUCCESS')
return true
