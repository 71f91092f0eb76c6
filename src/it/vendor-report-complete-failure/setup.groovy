// slowbuild has only an sdist, oldpy only supports Python < 3.11, ghostpkg is not on the index: neither
// interpreter is healthy.
def index = evaluate(new File(itSources, 'lib/index.groovy'))
index.build(new File(basedir, 'index'), [
    [name: 'tinyjson', version: '1.1.0', tag: 'py3-none-any', requiresPython: '>=3.8'],
    [name: 'slowbuild', version: '1.4.2', sdist: true],
    [name: 'oldpy', version: '0.9', tag: 'py3-none-any', requiresPython: '<3.11'],
])

// The fallback goal's log in the format smvm:fallback writes (JSON lines: timestamp, event, reason,
// primary_python, fallback_python, status, duration_ms, backup, python_version, packages, error): a successful run, a line that is not JSON, then a
// failed run with pip's own error text. The Python versions are those of this machine's interpreters.
def version = { String minor ->
    def out = new StringBuilder()
    def p = [index.python(minor).path, '-c', 'import platform; print(platform.python_version())'].execute()
    p.waitForProcessOutput(out, new StringBuilder())
    out.toString().trim()
}
def primary = version('3.12')
def fallback = version('3.11')
def json = { Map m -> groovy.json.JsonOutput.toJson(m) }
def log = new File(basedir, '.smvm/wheel-fallback.log')
log.parentFile.mkdirs()
log.text = [
    json([timestamp: '2026-01-05T08:00:00Z', event: 'wheel_fallback_successful', reason: 'missing_wheels_primary',
          primary_python: primary, fallback_python: fallback, status: 'fallback_available', duration_ms: 41234,
          backup: null, python_version: fallback, packages: 2, error: null]),
    '{"timestamp": "2026-01-06T09:30:00Z", "event": ',
    json([timestamp: '2026-01-06T09:31:00Z', event: 'wheel_fallback_failed', reason: 'missing_wheels_both',
          primary_python: primary, fallback_python: fallback, status: 'complete_failure', duration_ms: 9876,
          backup: '.smvm/backup/venv-20260106T093100Z', python_version: null, packages: null,
          error: 'ERROR: Could not find a version that satisfies the requirement slowbuild (from versions: none)\n'
                  + 'ERROR: No matching distribution found for slowbuild']),
    '',
].join('\n')
return true
