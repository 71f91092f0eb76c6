import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/smvm/interpreters.json'))
assert report.schema_version == 1
assert report.timestamp ==~ /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/

def root = System.getenv('PYENV_ROOT') ?: (System.getProperty('user.home') + '/.pyenv')
def dirs = new File(root, 'versions').listFiles().findAll { it.name ==~ /3\.\d+\.\d+/ && new File(it, 'bin/python').canExecute() }
def machine = ['uname', '-m'].execute().text.trim()
assert !dirs.isEmpty()
dirs.each { dir ->
    // a pyenv version may also be reached first through a pyenv shim on PATH: the executable tells
    def found = report.interpreters.find { it.executable.startsWith(dir.canonicalPath + '/') || it.executable.startsWith(dir.path + '/') }
    assert found != null : "no interpreter reported for ${dir}: ${report.interpreters*.executable}"
    assert found.version == dir.name
    assert found.source in ['pyenv', 'path']
    assert found.implementation == 'cpython'
    // the most specific platform tag of a Linux glibc machine, e.g. manylinux_2_36_x86_64
    assert found.platform_tag ==~ /(manylinux_\d+_\d+|musllinux_\d+_\d+|linux)_${machine}/ : found.platform_tag
}
// several versions from 3.7 up, as discovery must find
assert report.interpreters.count { it.version ==~ /3\.(7|8|9|1\d)\.\d+/ } >= Math.min(3, dirs.count { it.name ==~ /3\.(7|8|9|1\d)\.\d+/ })

def primary = report.requests.primary
assert primary.request == '3.12'
if (dirs.any { it.name.startsWith('3.12.') }) {
    assert primary.found == true
    assert primary.version.startsWith('3.12.')
    assert primary.explanation
}
def fallback = report.requests.fallback
assert fallback.request == '3.11'
if (dirs.any { it.name.startsWith('3.11.') }) {
    assert fallback.found == true
    assert fallback.version.startsWith('3.11.')
}
def log = new File(basedir, 'build.log').text
assert log.contains('primary (3.12)')
return true
